//! The process's one async runtime, built on first use: only commands that
//! talk to the network (an app, a team store) pay for it.
//!
//! It is a multi-thread runtime with one worker, so that any thread may
//! block on it (the main thread, or `exec`'s token endpoint threads) while
//! the tasks it runs in the background (a team store's connection, pooled
//! HTTP connections) keep going between calls.

use std::future::Future;
use std::sync::OnceLock;

use tokio::runtime::Runtime;

static RUNTIME: OnceLock<Result<Runtime, String>> = OnceLock::new();

/// The runtime, built on the first call.
pub fn get() -> Result<&'static Runtime, String> {
    RUNTIME
        .get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .thread_name("fourgent-io")
                .enable_all()
                .build()
                .map_err(|e| format!("cannot start the async runtime: {e}"))
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Runs `fut` to completion on the runtime, blocking this thread.
pub fn block_on<F: Future>(fut: F) -> Result<F::Output, String> {
    Ok(get()?.block_on(fut))
}
