//! Deferring the signals that end a process (SIGINT, SIGTERM, SIGHUP) over a
//! short critical section.
//!
//! Between sending a refresh request and storing what the app answered, the
//! app may already have rotated the refresh token: dying there burns the
//! connection. [`defer`] holds those signals back until its guard is dropped;
//! a signal that arrived meanwhile then takes its usual effect (the process
//! ends as if killed by it, so a shell sees 130 for Ctrl-C and 143 for
//! SIGTERM). Outside a critical section the signals act as they always do.

#[cfg(unix)]
mod imp {
    use std::sync::atomic::{AtomicBool, AtomicI32, AtomicUsize, Ordering};
    use std::sync::{Arc, OnceLock};

    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

    /// True outside critical sections: a signal takes its default action.
    static PASS_THROUGH: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    /// The first signal that arrived during a critical section (0: none).
    static PENDING: AtomicI32 = AtomicI32::new(0);
    /// Nested critical sections.
    static DEPTH: AtomicUsize = AtomicUsize::new(0);

    /// Refreshes in their critical section now; a signal deferred for one
    /// says why the process does not stop at once.
    pub(crate) static REFRESHES: AtomicUsize = AtomicUsize::new(0);
    /// `exec` holds signals for its child: nothing to say then.
    pub(crate) static ABSORBING: AtomicBool = AtomicBool::new(false);

    /// What a deferred signal prints, once.
    const DEFERRED_NOTE: &str = "\nfourgent: stopping as soon as the app's answer to the token refresh is stored (the app may already have replaced the refresh token)\n";

    /// Whether a signal that ends the process first shows the cursor again
    /// (set when stderr is a terminal, before the handlers are installed).
    static SHOW_CURSOR: AtomicBool = AtomicBool::new(false);

    pub(crate) fn show_cursor_on_exit() {
        SHOW_CURSOR.store(true, Ordering::SeqCst);
        install();
    }

    fn install() -> &'static Arc<AtomicBool> {
        PASS_THROUGH.get_or_init(|| {
            let pass = Arc::new(AtomicBool::new(true));
            for sig in [SIGINT, SIGTERM, SIGHUP] {
                let passing = Arc::clone(&pass);
                // SAFETY: atomic loads and write(2) are async-signal-safe.
                let shown = unsafe {
                    signal_hook::low_level::register(sig, move || {
                        if SHOW_CURSOR.load(Ordering::SeqCst) && passing.load(Ordering::SeqCst) {
                            // A prompt or spinner may have hidden it.
                            let show = b"\x1b[?25h";
                            let _ = libc::write(2, show.as_ptr().cast(), show.len());
                        }
                    })
                };
                let deferring = Arc::clone(&pass);
                // SAFETY: the action only does atomic operations and
                // write(2), which are async-signal-safe.
                let recorded = unsafe {
                    signal_hook::low_level::register(sig, move || {
                        let first = PENDING
                            .compare_exchange(0, sig, Ordering::SeqCst, Ordering::SeqCst)
                            .is_ok();
                        let refreshing = REFRESHES.load(Ordering::SeqCst) > 0
                            && !ABSORBING.load(Ordering::SeqCst);
                        if first && refreshing && !deferring.load(Ordering::SeqCst) {
                            // Say why the process does not stop at once.
                            let note = DEFERRED_NOTE.as_bytes();
                            let _ = libc::write(2, note.as_ptr().cast(), note.len());
                        }
                    })
                };
                let passed =
                    signal_hook::flag::register_conditional_default(sig, Arc::clone(&pass));
                // If a handler cannot be installed the signal keeps its
                // default action: no deferral, but nothing worse than before.
                let _ = (shown, recorded, passed);
            }
            pass
        })
    }

    pub(crate) fn enter() {
        let pass = install();
        DEPTH.fetch_add(1, Ordering::SeqCst);
        pass.store(false, Ordering::SeqCst);
    }

    pub(crate) fn leave() {
        if DEPTH.fetch_sub(1, Ordering::SeqCst) != 1 {
            return;
        }
        if let Some(pass) = PASS_THROUGH.get() {
            pass.store(true, Ordering::SeqCst);
        }
        let sig = PENDING.swap(0, Ordering::SeqCst);
        if sig != 0 {
            // Ends the process the way the signal would have.
            let _ = signal_hook::low_level::emulate_default_handler(sig);
            std::process::exit(crate::error::signal_exit_code(sig));
        }
    }

    /// Ends a section started with [`enter`], dropping a signal that
    /// arrived meanwhile instead of acting on it.
    pub(crate) fn leave_quietly() {
        if DEPTH.fetch_sub(1, Ordering::SeqCst) != 1 {
            return;
        }
        if let Some(pass) = PASS_THROUGH.get() {
            pass.store(true, Ordering::SeqCst);
        }
        PENDING.store(0, Ordering::SeqCst);
    }
}

#[cfg(not(unix))]
mod imp {
    pub(crate) fn enter() {}
    pub(crate) fn leave() {}
    pub(crate) fn leave_quietly() {}
    pub(crate) fn show_cursor_on_exit() {}
}

/// Makes Ctrl-C (and SIGTERM, SIGHUP) show the terminal's cursor again
/// before the process ends: a prompt, picker or spinner may have hidden it.
pub(crate) fn show_cursor_on_exit() {
    imp::show_cursor_on_exit();
}

/// Holds SIGINT, SIGTERM and SIGHUP back until the guard is dropped.
#[must_use = "the signals are deferred only while the guard lives"]
pub(crate) struct Deferred(());

/// Starts a critical section.
pub(crate) fn defer() -> Deferred {
    #[cfg(unix)]
    imp::REFRESHES.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    imp::enter();
    Deferred(())
}

impl Drop for Deferred {
    /// Ends the critical section; a signal that arrived meanwhile ends the
    /// process now.
    fn drop(&mut self) {
        #[cfg(unix)]
        imp::REFRESHES.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
        imp::leave();
    }
}

/// Holds SIGINT, SIGTERM and SIGHUP back for as long as the guard lives, and
/// then forgets them: for `exec`, which forwards signals to its child and
/// ends with the child's status, never by a signal of its own. A refresh
/// inside still defers as usual; only the outermost guard decides.
#[must_use = "the signals are held only while the guard lives"]
pub(crate) struct Absorbed(());

/// Starts holding the signals for `exec`.
pub(crate) fn absorb() -> Absorbed {
    #[cfg(unix)]
    imp::ABSORBING.store(true, std::sync::atomic::Ordering::SeqCst);
    imp::enter();
    Absorbed(())
}

impl Drop for Absorbed {
    fn drop(&mut self) {
        imp::leave_quietly();
        #[cfg(unix)]
        imp::ABSORBING.store(false, std::sync::atomic::Ordering::SeqCst);
    }
}
