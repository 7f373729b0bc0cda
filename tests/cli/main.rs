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
mod files;
mod help;
mod hostile;
mod json;
mod keychain;
mod leaks;
mod list;
mod oauth;
mod oauth_advice;
mod oauth_hostile;
mod pg_harness;
mod reauthorize;
mod red_files;
mod red_misc;
mod refresh;
mod status;
mod status_truth;
mod stores;
mod team_hostile;
mod team_outage;
mod team_store;
mod terminal;
mod token;
