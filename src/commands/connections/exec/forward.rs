//! Passing signals on to the child, and its exit status back.
//!
//! fourgent stays the parent (the token endpoint lives as long as the
//! child), so a signal meant for "the program" reaches fourgent first:
//!
//! - In the foreground of a terminal, Ctrl-C, Ctrl-\ and window changes
//!   already reach the child, which is in the same process group: those are
//!   not sent again (the child would see SIGINT twice). fourgent ignores
//!   them for itself and lets the child decide. SIGTERM, SIGHUP, SIGUSR1,
//!   SIGUSR2 and SIGALRM come from other processes and are forwarded.
//! - Without a terminal, every catchable signal that ends or informs a
//!   process is forwarded.
//!
//! Job control (SIGTSTP, SIGCONT, …) keeps its usual effect. The handlers
//! only read an atomic and call `kill(2)`, which is async-signal-safe; the
//! child's process ID is cleared before it is reaped, so a signal can never
//! reach a process that reused the ID.

#[cfg(unix)]
mod imp {
    use std::sync::atomic::{AtomicI32, Ordering};

    use signal_hook::SigId;
    use signal_hook::consts::{
        SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGWINCH,
    };

    /// The running child (0: none yet, or reaped).
    static CHILD: AtomicI32 = AtomicI32::new(0);
    /// A signal that arrived before the child existed.
    static EARLY: AtomicI32 = AtomicI32::new(0);

    /// The handlers, for as long as the child runs.
    pub(crate) struct Forwarding {
        ids: Vec<SigId>,
    }

    /// Whether fourgent runs in the foreground process group of its
    /// controlling terminal: then the terminal's signals reach the child
    /// directly.
    pub(crate) fn in_terminal_foreground() -> bool {
        // SAFETY: plain system calls on a descriptor we own and close.
        unsafe {
            let fd = libc::open(c"/dev/tty".as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC);
            if fd < 0 {
                return false;
            }
            let fg = libc::tcgetpgrp(fd);
            libc::close(fd);
            fg > 0 && fg == libc::getpgrp()
        }
    }

    /// The signals handled while the child runs, and whether each is
    /// forwarded (`false`: only kept from ending fourgent).
    pub(crate) fn plan(terminal: bool) -> Vec<(i32, bool)> {
        let from_terminal = [SIGINT, SIGQUIT, SIGWINCH];
        [
            SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGWINCH,
        ]
        .into_iter()
        .map(|sig| (sig, !(terminal && from_terminal.contains(&sig))))
        .collect()
    }

    pub(crate) fn install(terminal: bool) -> Forwarding {
        CHILD.store(0, Ordering::SeqCst);
        EARLY.store(0, Ordering::SeqCst);
        let mut ids = Vec::new();
        for (sig, forward) in plan(terminal) {
            // SAFETY: the action only uses atomics and kill(2), both
            // async-signal-safe.
            let id = unsafe {
                signal_hook::low_level::register(sig, move || {
                    if !forward {
                        return;
                    }
                    let pid = CHILD.load(Ordering::SeqCst);
                    if pid > 0 {
                        libc::kill(pid, sig);
                    } else {
                        let _ = EARLY.compare_exchange(0, sig, Ordering::SeqCst, Ordering::SeqCst);
                    }
                })
            };
            // A signal whose handler cannot be installed keeps its usual
            // action: nothing worse than running the program directly.
            if let Ok(id) = id {
                ids.push(id);
            }
        }
        Forwarding { ids }
    }

    impl Forwarding {
        /// From now on signals go to `pid`; one that came while it was
        /// being started goes now.
        pub(crate) fn started(&self, pid: u32) {
            let pid = i32::try_from(pid).unwrap_or(0);
            CHILD.store(pid, Ordering::SeqCst);
            let early = EARLY.swap(0, Ordering::SeqCst);
            if early != 0 && pid > 0 {
                // SAFETY: a plain system call.
                unsafe { libc::kill(pid, early) };
            }
        }

        /// Waits until the child has ended, stops forwarding to it, and only
        /// then reaps it (so its ID cannot be reused while a handler might
        /// still signal it).
        pub(crate) fn wait(&self, child: &mut std::process::Child) -> std::process::ExitStatus {
            let pid = child.id() as libc::id_t;
            loop {
                // SAFETY: waitid writes only into `info`; WNOWAIT leaves the
                // child to be reaped by `Child::wait` below.
                let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
                let r = unsafe {
                    libc::waitid(libc::P_PID, pid, &mut info, libc::WEXITED | libc::WNOWAIT)
                };
                if r == 0
                    || std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted
                {
                    break;
                }
            }
            CHILD.store(0, Ordering::SeqCst);
            loop {
                match child.wait() {
                    Ok(status) => return status,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    // Already reaped, or not ours: report it as a failure.
                    Err(_) => {
                        return std::os::unix::process::ExitStatusExt::from_raw(1 << 8);
                    }
                }
            }
        }
    }

    impl Drop for Forwarding {
        fn drop(&mut self) {
            CHILD.store(0, Ordering::SeqCst);
            for id in self.ids.drain(..) {
                signal_hook::low_level::unregister(id);
            }
        }
    }

    /// The shell's way of reporting how a process ended: its exit code, or
    /// 128+N when signal N ended it.
    pub(crate) fn exit_code(status: std::process::ExitStatus) -> i32 {
        use std::os::unix::process::ExitStatusExt;
        match (status.code(), status.signal()) {
            (Some(code), _) => code,
            (None, Some(sig)) => 128 + sig,
            (None, None) => 1,
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn a_terminal_delivers_its_own_signals_and_others_are_forwarded() {
            let forwarded = |terminal| -> Vec<i32> {
                plan(terminal)
                    .into_iter()
                    .filter(|(_, f)| *f)
                    .map(|(s, _)| s)
                    .collect()
            };
            let tty = forwarded(true);
            assert!(tty.contains(&SIGTERM) && tty.contains(&SIGHUP));
            assert!(!tty.contains(&SIGINT) && !tty.contains(&SIGQUIT));
            let no_tty = forwarded(false);
            assert!(no_tty.contains(&SIGINT) && no_tty.contains(&SIGQUIT));
            assert_eq!(no_tty.len(), plan(false).len());
        }

        #[test]
        fn exit_codes_follow_the_shell() {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(exit_code(std::process::ExitStatus::from_raw(3 << 8)), 3);
            assert_eq!(exit_code(std::process::ExitStatus::from_raw(15)), 143);
            assert_eq!(exit_code(std::process::ExitStatus::from_raw(9)), 137);
        }
    }
}

#[cfg(not(unix))]
mod imp {
    pub(crate) struct Forwarding;

    pub(crate) fn in_terminal_foreground() -> bool {
        true
    }

    pub(crate) fn install(_terminal: bool) -> Forwarding {
        Forwarding
    }

    impl Forwarding {
        pub(crate) fn started(&self, _pid: u32) {}

        pub(crate) fn wait(&self, child: &mut std::process::Child) -> std::process::ExitStatus {
            loop {
                if let Ok(status) = child.wait() {
                    return status;
                }
            }
        }
    }

    pub(crate) fn exit_code(status: std::process::ExitStatus) -> i32 {
        status.code().unwrap_or(1)
    }
}

pub(crate) use imp::*;
