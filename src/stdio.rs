//! Standard output and error as the commands write them: the process's own,
//! or, on a thread that asked for it, buffers that a test reads. This is what
//! lets the fuzz harness drive every command in-process and check that a
//! refused input printed nothing.

use std::cell::RefCell;
use std::io::{self, Write};

thread_local! {
    /// This thread's captured output and error, while [`capture`] runs.
    static CAPTURED: RefCell<Option<(Vec<u8>, Vec<u8>)>> = const { RefCell::new(None) };
}

/// Runs `f` with this thread's standard output and error collected instead
/// of written: what `f` returned, then what it printed and what it said on stderr.
pub fn capture<T>(f: impl FnOnce() -> T) -> (T, Vec<u8>, Vec<u8>) {
    let before = CAPTURED.with(|c| c.replace(Some((Vec::new(), Vec::new()))));
    let result = f();
    let (out, err) = CAPTURED.with(|c| c.replace(before)).unwrap_or_default();
    (result, out, err)
}

/// Standard output, or this thread's capture.
pub struct Stdout;

impl Write for Stdout {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let captured = CAPTURED.with(|c| {
            c.borrow_mut().as_mut().map(|(out, _)| {
                out.extend_from_slice(bytes);
                bytes.len()
            })
        });
        match captured {
            Some(n) => Ok(n),
            None => io::stdout().write(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        let captured = CAPTURED.with(|c| c.borrow().is_some());
        if captured {
            Ok(())
        } else {
            io::stdout().flush()
        }
    }
}

/// Writes one line to standard error (or this thread's capture). A closed
/// stderr is no reason to fail or panic: the line is a courtesy, and the
/// exit code still says what happened.
pub fn say(line: &str) {
    let captured = CAPTURED.with(|c| {
        c.borrow_mut().as_mut().map(|(_, err)| {
            err.extend_from_slice(line.as_bytes());
            err.push(b'\n');
        })
    });
    if captured.is_none() {
        let _ = writeln!(io::stderr(), "{line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_both_streams_and_restores() {
        let ((), out, err) = capture(|| {
            Stdout.write_all(b"table").unwrap();
            say("Warning: x");
            // Nested captures keep their own buffers.
            let ((), inner, _) = capture(|| Stdout.write_all(b"inner").unwrap());
            assert_eq!(inner, b"inner");
        });
        assert_eq!(out, b"table");
        assert_eq!(err, b"Warning: x\n");
        assert!(CAPTURED.with(|c| c.borrow().is_none()));
    }
}
