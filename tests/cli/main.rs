//! Integration tests: the real binary, run as a user would.
#![allow(clippy::disallowed_macros)] // tests may print

mod common;

mod add;
mod bad_input;
mod concurrency;
mod connectors;
mod crash;
mod delete;
mod drift;
mod exec;
mod help;
mod json;
mod keychain;
mod leaks;
mod list;
mod oauth;
mod oauth_hostile;
mod reauthorize;
mod refresh;
mod status;
mod stores;
mod terminal;
mod token;
