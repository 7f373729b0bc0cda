//! `--mask`: the child's stdout and stderr pass through fourgent, which
//! replaces every secret it handed out with `***`.
//!
//! The matcher streams: a secret split across two reads (or two writes of
//! the child) is still found, because bytes that could be the start of a
//! secret are held back until the next read decides. At most the longest
//! secret minus one byte is held; everything is written out when the stream
//! ends. Tokens minted while the child runs (the token endpoint, token
//! files) are added to the list before the child can see them.

use std::io::{Read, Write};
use std::sync::RwLock;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::secrets::{ExposeSecret, Secret};

/// What a secret is replaced with.
const MASK: &[u8] = b"***";

/// The secrets to mask, shared by the output pumps and whatever mints new
/// tokens.
pub(crate) struct Masks {
    enabled: bool,
    /// Also announce each secret to GitHub Actions (`::add-mask::`).
    github: bool,
    patterns: RwLock<Vec<Vec<u8>>>,
    /// Whether fourgent's stdout is at the start of a line, so an
    /// `::add-mask::` command printed mid-run starts one.
    stdout_at_line_start: AtomicBool,
}

impl Masks {
    pub(crate) fn new(enabled: bool, github: bool) -> Masks {
        Masks {
            enabled,
            github: enabled && github,
            patterns: RwLock::new(Vec::new()),
            stdout_at_line_start: AtomicBool::new(true),
        }
    }

    pub(crate) fn enabled(&self) -> bool {
        self.enabled
    }

    /// Masks `secret` from now on (and, in GitHub Actions, tells the runner
    /// to mask it in the job's log). Known and empty values are skipped.
    pub(crate) fn add(&self, secret: &Secret) {
        if !self.enabled {
            return;
        }
        let value = secret.expose_secret().as_bytes();
        if value.is_empty() {
            return;
        }
        {
            let mut patterns = self.patterns.write().unwrap_or_else(|e| e.into_inner());
            if patterns.iter().any(|p| p == value) {
                return;
            }
            patterns.push(value.to_vec());
        }
        if self.github {
            let mut out = std::io::stdout().lock();
            let mut line = Vec::with_capacity(value.len() + 16);
            if !self.stdout_at_line_start.load(Ordering::SeqCst) {
                line.push(b'\n');
            }
            line.extend_from_slice(b"::add-mask::");
            line.extend_from_slice(&escape_workflow_data(value));
            line.push(b'\n');
            let _ = out.write_all(&line).and_then(|()| out.flush());
            self.stdout_at_line_start.store(true, Ordering::SeqCst);
        }
    }

    /// Copies `from` to fourgent's stdout or stderr, masking, until `from`
    /// ends. When fourgent's own output is closed, `from` is closed too, so
    /// the child gets SIGPIPE as it would in a pipeline.
    pub(crate) fn pump(&self, mut from: impl Read, to_stdout: bool) {
        let mut buf = vec![0u8; 16 * 1024];
        let mut pending = Vec::new();
        let mut out_buf = Vec::with_capacity(buf.len() + 64);
        loop {
            let n = match from.read(&mut buf) {
                Ok(0) => 0,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => 0,
            };
            out_buf.clear();
            {
                let patterns = self.patterns.read().unwrap_or_else(|e| e.into_inner());
                mask(&patterns, &mut pending, &buf[..n], n == 0, &mut out_buf);
            }
            if !out_buf.is_empty() && !self.write(&out_buf, to_stdout) {
                return;
            }
            if n == 0 {
                return;
            }
        }
    }

    fn write(&self, bytes: &[u8], to_stdout: bool) -> bool {
        if to_stdout {
            let mut out = std::io::stdout().lock();
            let ok = out.write_all(bytes).and_then(|()| out.flush()).is_ok();
            if let Some(last) = bytes.last() {
                self.stdout_at_line_start
                    .store(*last == b'\n', Ordering::SeqCst);
            }
            ok
        } else {
            let mut err = std::io::stderr().lock();
            err.write_all(bytes).and_then(|()| err.flush()).is_ok()
        }
    }
}

/// GitHub's escaping for the data of a workflow command.
fn escape_workflow_data(value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len());
    for &b in value {
        match b {
            b'%' => out.extend_from_slice(b"%25"),
            b'\r' => out.extend_from_slice(b"%0D"),
            b'\n' => out.extend_from_slice(b"%0A"),
            b => out.push(b),
        }
    }
    out
}

/// One step of the streaming matcher: masks `pending` + `chunk` into
/// `out`, and leaves in `pending` the tail that could still become a
/// secret. At `end`, nothing is held back. Leftmost match first; at one
/// position the longest secret wins (so a secret that begins with another
/// is masked whole).
pub(crate) fn mask(
    patterns: &[Vec<u8>],
    pending: &mut Vec<u8>,
    chunk: &[u8],
    end: bool,
    out: &mut Vec<u8>,
) {
    pending.extend_from_slice(chunk);
    let buf = std::mem::take(pending);
    let mut first = [false; 256];
    for p in patterns.iter().filter(|p| !p.is_empty()) {
        first[p[0] as usize] = true;
    }
    let mut i = 0;
    'scan: while i < buf.len() {
        if !first[buf[i] as usize] {
            out.push(buf[i]);
            i += 1;
            continue;
        }
        let rest = &buf[i..];
        let mut whole = 0;
        let mut could_be_longer = false;
        for p in patterns.iter().filter(|p| !p.is_empty()) {
            if rest.starts_with(p) {
                whole = whole.max(p.len());
            } else if !end && rest.len() < p.len() && p.starts_with(rest) {
                could_be_longer = true;
            }
        }
        if could_be_longer {
            // Wait for more bytes, unless a longer match is impossible.
            let longest_possible = patterns
                .iter()
                .filter(|p| rest.len() < p.len() && p.starts_with(rest))
                .map(Vec::len)
                .max()
                .unwrap_or(0);
            if longest_possible > whole {
                pending.extend_from_slice(rest);
                break 'scan;
            }
        }
        if whole > 0 {
            out.extend_from_slice(MASK);
            i += whole;
        } else {
            out.push(buf[i]);
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(patterns: &[&str], chunks: &[&[u8]]) -> String {
        let patterns: Vec<Vec<u8>> = patterns.iter().map(|p| p.as_bytes().to_vec()).collect();
        let mut pending = Vec::new();
        let mut out = Vec::new();
        for c in chunks {
            mask(&patterns, &mut pending, c, false, &mut out);
        }
        mask(&patterns, &mut pending, b"", true, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_secret_split_at_every_point_is_masked() {
        let text = b"token=s3cr3t-VALUE; again s3cr3t-VALUE and s3cr3t-VAL at the end s3cr3t-VALUE";
        let want = "token=***; again *** and s3cr3t-VAL at the end ***";
        let patterns = ["s3cr3t-VALUE"];
        assert_eq!(run(&patterns, &[text]), want);
        for i in 0..=text.len() {
            assert_eq!(
                run(&patterns, &[&text[..i], &text[i..]]),
                want,
                "split at {i}"
            );
            for j in i..=text.len() {
                assert_eq!(
                    run(&patterns, &[&text[..i], &text[i..j], &text[j..]]),
                    want,
                    "split at {i} and {j}"
                );
            }
        }
        // Byte by byte.
        let bytes: Vec<&[u8]> = text.chunks(1).collect();
        assert_eq!(run(&patterns, &bytes), want);
    }

    #[test]
    fn several_secrets_overlapping_and_prefixes() {
        let patterns = ["abc", "abcdef", "cde", "xyz"];
        let text = b"abcdef abcx abcde xyzabc ab";
        let want = "*** ***x ***de ****** ab";
        for i in 0..=text.len() {
            assert_eq!(
                run(&patterns, &[&text[..i], &text[i..]]),
                want,
                "split at {i}"
            );
        }
    }

    #[test]
    fn held_bytes_are_only_a_possible_start_and_are_flushed_at_the_end() {
        let patterns = vec![b"secret".to_vec()];
        let mut pending = Vec::new();
        let mut out = Vec::new();
        mask(&patterns, &mut pending, b"hello sec", false, &mut out);
        assert_eq!(out, b"hello ");
        assert_eq!(pending, b"sec");
        mask(&patterns, &mut pending, b"ond\n", false, &mut out);
        assert_eq!(out, b"hello second\n");
        assert!(pending.is_empty());
        mask(&patterns, &mut pending, b"sec", false, &mut out);
        mask(&patterns, &mut pending, b"", true, &mut out);
        assert_eq!(out, b"hello second\nsec");
    }

    #[test]
    fn no_patterns_pass_everything_through() {
        assert_eq!(run(&[], &[b"a", b"bc"]), "abc");
        assert_eq!(run(&[""], &[b"abc"]), "abc");
    }

    #[test]
    fn workflow_data_is_escaped() {
        assert_eq!(escape_workflow_data(b"a%b\r\nc"), b"a%25b%0D%0Ac");
    }
}
