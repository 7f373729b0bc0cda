//! Everything that touches the terminal: where output goes, colour, whether
//! we may prompt, prompts, the spinner. No other module prints.
//!
//! `Ui` writes to the handles it was given (see `streams`): the process's
//! own for the binary, buffers for a test (`Ui::for_test`).
#![allow(clippy::disallowed_macros)]

pub mod render;
mod streams;

#[cfg(test)]
pub(crate) use streams::TestStreams;

use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use console::Style;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};

use crate::error::{Error, ErrorKind, Result};
use crate::sanitize::lines;
use crate::secrets::Secret;

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// What the run was told about output and interaction.
#[derive(Clone, Copy, Debug)]
pub struct UiSettings {
    pub color: Option<ColorChoice>,
    pub no_color_env: bool,
    pub no_input: bool,
    pub ci: bool,
    pub verbose: u8,
    pub quiet: u8,
}

pub struct Ui {
    stdin: streams::Input,
    stdout: streams::Output,
    stderr: streams::Output,
    stdin_tty: bool,
    stdout_tty: bool,
    stderr_tty: bool,
    color_out: bool,
    color_err: bool,
    can_prompt: bool,
    verbose: u8,
    quiet: bool,
    width: Option<u16>,
}

/// An error met before there is a `Ui` (while reading the settings),
/// printed as [`Ui::error`] prints it, without colour: sanitized, or JSON
/// with `--json`.
pub(crate) fn early_error(err: &Error, json: bool) {
    if json {
        eprintln!("{}", err.to_json());
    } else {
        eprint!("{}", lines(&err.render()));
    }
}

impl Ui {
    pub fn new(s: UiSettings) -> Ui {
        let stdin_tty = io::stdin().is_terminal();
        let stdout_tty = io::stdout().is_terminal();
        let stderr_tty = io::stderr().is_terminal();
        // NO_COLOR is a default that an explicit --color overrides.
        let choice = s.color.unwrap_or(if s.no_color_env {
            ColorChoice::Never
        } else {
            ColorChoice::Auto
        });
        let decide = |tty: bool| match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty,
        };
        let (color_out, color_err) = (decide(stdout_tty), decide(stderr_tty));
        console::set_colors_enabled(color_out);
        console::set_colors_enabled_stderr(color_err);
        if stderr_tty {
            crate::signals::show_cursor_on_exit();
        }
        let width = stdout_tty
            .then(|| console::Term::stdout().size_checked().map(|(_, w)| w))
            .flatten()
            // A terminal that reports no size (some ptys say 0) gets no limit.
            .filter(|w| *w >= 20);
        Ui {
            stdin: streams::Input::Stdin,
            stdout: streams::Output::Stdout,
            stderr: streams::Output::Stderr,
            stdin_tty,
            stdout_tty,
            stderr_tty,
            color_out,
            color_err,
            can_prompt: stdin_tty && stderr_tty && !s.no_input && !s.ci,
            verbose: s.verbose,
            quiet: s.quiet > 0,
            width,
        }
    }

    /// A `Ui` on in-memory streams, as when no stream is a terminal: no
    /// prompts, no spinner, colour only with `--color always`. The test
    /// feeds stdin and reads stdout and stderr through the `TestStreams`.
    /// Touches no process-wide state.
    #[cfg(test)]
    pub(crate) fn for_test(s: UiSettings) -> (Ui, streams::TestStreams) {
        let test = streams::TestStreams::new();
        let color = s.color == Some(ColorChoice::Always);
        let ui = Ui {
            stdin: streams::Input::Script(test.stdin.clone()),
            stdout: streams::Output::Buffer(test.stdout.clone()),
            stderr: streams::Output::Buffer(test.stderr.clone()),
            stdin_tty: false,
            stdout_tty: false,
            stderr_tty: false,
            color_out: color,
            color_err: color,
            can_prompt: false,
            verbose: s.verbose,
            quiet: s.quiet > 0,
            width: None,
        };
        (ui, test)
    }

    /// A line (or text) on stderr. Like `eprint!`, a stderr that cannot be
    /// written is a panic.
    fn eprint(&self, args: fmt::Arguments<'_>) {
        if let Err(e) = self.stderr.clone().write_fmt(args) {
            panic!("failed printing to stderr: {e}");
        }
    }

    /// All of stdin, at most `limit` bytes, without one final `\n` or
    /// `\r\n` (what `echo` adds). The one place that reads stdin whole.
    pub fn read_stdin(&self, limit: u64) -> io::Result<String> {
        self.stdin.read_all(limit)
    }

    /// stdin line by line, each without its line end, until it ends; for a
    /// thread of its own.
    pub fn stdin_lines(&self) -> impl Iterator<Item = String> + Send + 'static {
        let input = self.stdin.clone();
        std::iter::from_fn(move || input.read_line())
    }

    /// Whether prompts are allowed: a terminal on stdin and stderr, no
    /// `--no-input`, no `CI`.
    pub fn can_prompt(&self) -> bool {
        self.can_prompt
    }

    pub fn stdin_is_tty(&self) -> bool {
        self.stdin_tty
    }

    pub fn stdout_is_tty(&self) -> bool {
        self.stdout_tty
    }

    pub fn color_stdout(&self) -> bool {
        self.color_out
    }

    pub fn width(&self) -> Option<u16> {
        self.width
    }

    /// Data for stdout: the table, JSON, a token. A closed pipe ends quietly.
    pub fn out(&self, text: &str) -> Result<()> {
        let mut out = self.stdout.clone();
        out.write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(stdout_error)
    }

    /// A writer for streaming many rows to stdout.
    pub fn out_writer(&self) -> io::BufWriter<impl Write + use<>> {
        io::BufWriter::with_capacity(64 * 1024, self.stdout.clone())
    }

    /// Progress and results for the person: stderr, hidden by `-q`.
    pub fn status(&self, text: &str) {
        if !self.quiet {
            self.eprint(format_args!("{}\n", lines(text)));
        }
    }

    /// A success line: `✓ text` (plain `ok:` without colour).
    pub fn success(&self, text: &str) {
        let mark = if self.color_err {
            Style::new()
                .green()
                .for_stderr()
                .force_styling(true)
                .apply_to("✓")
                .to_string()
        } else {
            "ok:".to_owned()
        };
        if !self.quiet {
            self.eprint(format_args!("{mark} {}\n", lines(text)));
        }
    }

    /// Shown even with `-q`.
    pub fn warn(&self, text: &str) {
        let label = self.paint_err("warning:", Style::new().yellow().bold());
        self.eprint(format_args!("{label} {}\n", lines(text)));
    }

    pub fn hint(&self, text: &str) {
        if !self.quiet {
            let label = self.paint_err("hint:", Style::new().cyan().bold());
            self.eprint(format_args!("{label} {}\n", lines(text)));
        }
    }

    /// Diagnostics with `-v`. Never pass a secret.
    pub fn debug(&self, text: impl FnOnce() -> String) {
        if self.verbose > 0 {
            self.eprint(format_args!("debug: {}\n", lines(&text())));
        }
    }

    /// An error, as text (or JSON with `--json`).
    pub fn error(&self, err: &Error, json: bool) {
        // A prompt or picker left by Ctrl-C or Esc may have hidden the
        // cursor: give it back before the process ends.
        if self.stderr_tty {
            let _ = console::Term::stderr().show_cursor();
        }
        if json {
            self.eprint(format_args!("{}\n", err.to_json()));
            return;
        }
        let text = lines(&err.render());
        if self.color_err {
            let red = Style::new().red().bold().for_stderr().force_styling(true);
            let text = text
                .replacen("error:", &red.apply_to("error:").to_string(), 1)
                .replace(
                    "\nhint:",
                    &format!(
                        "\n{}",
                        Style::new()
                            .cyan()
                            .bold()
                            .for_stderr()
                            .force_styling(true)
                            .apply_to("hint:")
                    ),
                );
            self.eprint(format_args!("{text}"));
        } else {
            self.eprint(format_args!("{text}"));
        }
    }

    pub fn paint_err(&self, text: &str, style: Style) -> String {
        if self.color_err {
            style
                .for_stderr()
                .force_styling(true)
                .apply_to(text)
                .to_string()
        } else {
            text.to_owned()
        }
    }

    fn theme(&self) -> Box<dyn Theme> {
        if self.color_err {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        }
    }

    /// Fails with how to give the value without a prompt, when prompting is not allowed.
    pub fn require_prompt(&self, what: &str, how: &str) -> Result<()> {
        if self.can_prompt {
            Ok(())
        } else {
            Err(
                Error::usage(format!("{what} is needed and {}", self.why_no_prompt()))
                    .with_hint(how.to_owned()),
            )
        }
    }

    /// Why prompting is off, for error messages.
    pub fn why_no_prompt(&self) -> &'static str {
        if !self.stdin_tty || !self.stderr_tty {
            "stdin is not a terminal"
        } else {
            "prompts are off (`--no-input`, FOURGENT_NO_INPUT or CI is set)"
        }
    }

    pub fn input(&self, prompt: &str, default: Option<&str>, how: &str) -> Result<String> {
        self.require_prompt(&format!("`{prompt}`"), how)?;
        let theme = self.theme();
        // The prompt and the default may come from a hand-edited file
        // (a field's label and default in connectors.toml, a value in
        // connections.toml): the terminal sees them sanitized.
        let prompt = crate::sanitize::sanitize(prompt, 200);
        let mut input =
            dialoguer::Input::<String>::with_theme(theme.as_ref()).with_prompt(prompt.as_str());
        if let Some(d) = default {
            input = input.default(d.to_owned());
            let shown = crate::sanitize::sanitize(d, 200);
            if shown != d {
                // dialoguer would print the default (and echo it once
                // accepted) raw: show it escaped, in the prompt, instead.
                input = input
                    .with_prompt(format!("{prompt} [{shown}]"))
                    .show_default(false)
                    .report(false);
            }
        }
        input.interact_text().map_err(prompt_error)
    }

    pub fn password(&self, prompt: &str, how: &str) -> Result<Secret> {
        self.require_prompt(&format!("`{prompt}`"), how)?;
        let theme = self.theme();
        dialoguer::Password::with_theme(theme.as_ref())
            .with_prompt(crate::sanitize::sanitize(prompt, 200))
            .interact()
            .map(Secret::from)
            .map_err(prompt_error)
    }

    /// A secret (`what`: "the client secret") from a hidden prompt, or from
    /// stdin when stdin is not a terminal (at most `limit` bytes), without
    /// the blanks and line ends around it. Without either, the error shows
    /// `pipe`, the command that pipes it in.
    pub fn secret(&self, what: &str, prompt: &str, limit: u64, pipe: &str) -> Result<Secret> {
        let trimmed = |secret: Secret| {
            let text = crate::secrets::ExposeSecret::expose_secret(&secret);
            if text.trim().len() == text.len() {
                secret
            } else {
                Secret::from(text.trim().to_owned())
            }
        };
        if self.can_prompt() {
            return self.password(prompt, "").map(trimmed);
        }
        if !self.stdin_is_tty() {
            let text = self.read_stdin(limit).map_err(|e| {
                Error::usage(format!("cannot read {what} from stdin")).with_source(&e)
            })?;
            return Ok(trimmed(Secret::from(text)));
        }
        Err(
            Error::usage(format!("{what} is needed and {}", self.why_no_prompt()))
                .with_hint(format!("pipe it on stdin: `{pipe}`")),
        )
    }

    pub fn confirm(&self, prompt: &str, default: bool, how: &str) -> Result<bool> {
        self.require_prompt("a confirmation", how)?;
        let theme = self.theme();
        // The answer takes Enter: typing `yes⏎` must not act on the `y` and
        // leave `es` for the shell.
        dialoguer::Confirm::with_theme(theme.as_ref())
            .with_prompt(prompt)
            .default(default)
            .wait_for_newline(true)
            .interact()
            .map_err(prompt_error)
    }

    pub fn select(&self, prompt: &str, items: &[String], how: &str) -> Result<usize> {
        self.require_prompt(&format!("`{prompt}`"), how)?;
        let theme = self.theme();
        dialoguer::Select::with_theme(theme.as_ref())
            .with_prompt(prompt)
            .items(items)
            .default(0)
            .interact()
            .map_err(prompt_error)
    }

    /// A choice among many, filtered as the user types (fuzzy); Esc
    /// cancels (exit code 130, "Cancelled.").
    pub fn pick(&self, prompt: &str, items: &[String], how: &str) -> Result<usize> {
        self.require_prompt(&format!("`{prompt}`"), how)?;
        let theme = self.theme();
        dialoguer::FuzzySelect::with_theme(theme.as_ref())
            .with_prompt(prompt)
            .items(items)
            .default(0)
            .max_length(15)
            .interact_opt()
            .map_err(prompt_error)?
            .ok_or_else(|| Error::declined("Cancelled."))
    }

    /// A spinner on stderr while waiting, when stderr is a terminal and
    /// neither `-q` nor `-v` is given (it would mix with debug lines).
    pub fn spinner(&self, message: &str) -> Spinner {
        let bar = if self.stderr_tty && !self.quiet && self.verbose == 0 {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {msg}")
                    .expect("spinner template is valid"),
            );
            bar.set_message(message.to_owned());
            bar.enable_steady_tick(Duration::from_millis(100));
            Some(bar)
        } else {
            self.status(message);
            None
        };
        Spinner { bar }
    }
}

impl Ui {
    /// A spinner that shows the time left of `limit` (a wait with a
    /// deadline, such as the browser's), when stderr is a terminal.
    pub fn countdown(&self, message: &str, limit: Duration) -> Spinner {
        if !(self.stderr_tty && !self.quiet && self.verbose == 0) {
            return self.spinner(message);
        }
        let bar = indicatif::ProgressBar::new_spinner();
        let style = indicatif::ProgressStyle::with_template("{spinner} {msg} {left} left")
            .expect("spinner template is valid")
            .with_key(
                "left",
                move |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let left = limit.saturating_sub(state.elapsed()).as_secs();
                    let _ = write!(w, "{}:{:02}", left / 60, left % 60);
                },
            );
        bar.set_style(style);
        bar.set_message(message.to_owned());
        bar.enable_steady_tick(Duration::from_millis(100));
        Spinner { bar: Some(bar) }
    }
}

/// A running spinner; cleared when dropped.
pub struct Spinner {
    bar: Option<indicatif::ProgressBar>,
}

impl Spinner {
    pub fn set_message(&self, message: String) {
        if let Some(bar) = &self.bar {
            bar.set_message(message);
        }
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn stdout_error(e: io::Error) -> Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Error::broken_pipe()
    } else {
        Error::failure("cannot write to stdout").with_source(&e)
    }
}

/// Maps a stdout write error in streaming code.
pub fn stdout_write_error(e: io::Error) -> Error {
    stdout_error(e)
}

fn prompt_error(e: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(io) = e;
    if io.kind() == io::ErrorKind::Interrupted {
        Error::new(ErrorKind::Interrupted, "interrupted")
    } else {
        Error::failure("cannot read from the terminal").with_source(&io)
    }
}

/// Writes `debug:` lines to stderr from any thread (the HTTP request log of
/// `-v`, which is process-wide), made safe for a terminal.
pub fn debug_line_writer() -> Box<dyn Fn(&str) + Send + Sync> {
    #[allow(clippy::disallowed_macros)]
    Box::new(|text: &str| eprintln!("debug: {}", lines(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> UiSettings {
        UiSettings {
            color: None,
            no_color_env: false,
            no_input: false,
            ci: false,
            verbose: 0,
            quiet: 0,
        }
    }

    #[test]
    fn data_goes_to_stdout_and_messages_to_stderr() {
        let (ui, streams) = Ui::for_test(settings());
        ui.out("row\n").unwrap();
        ui.status("Working");
        ui.success("Done");
        ui.warn("careful");
        ui.hint("run `x`");
        ui.debug(|| unreachable!("no -v"));
        assert_eq!(streams.stdout(), "row\n");
        assert_eq!(
            streams.stderr(),
            "Working\nok: Done\nwarning: careful\nhint: run `x`\n"
        );
    }

    #[test]
    fn quiet_keeps_warnings_and_errors_only() {
        let (ui, streams) = Ui::for_test(UiSettings {
            quiet: 1,
            ..settings()
        });
        ui.status("Working");
        ui.success("Done");
        ui.hint("run `x`");
        ui.warn("careful");
        ui.error(&Error::usage("no such thing").with_hint("try `y`"), false);
        assert_eq!(
            streams.stderr(),
            "warning: careful\nerror: no such thing\n\nhint: try `y`\n"
        );
        assert_eq!(streams.stdout(), "");
    }

    #[test]
    fn colour_is_only_what_was_asked_for() {
        let (plain, streams) = Ui::for_test(settings());
        plain.warn("careful");
        assert_eq!(streams.stderr(), "warning: careful\n");
        let (painted, streams) = Ui::for_test(UiSettings {
            color: Some(ColorChoice::Always),
            ..settings()
        });
        painted.warn("careful");
        assert_eq!(
            streams.stderr(),
            "\u{1b}[33m\u{1b}[1mwarning:\u{1b}[0m careful\n"
        );
    }

    #[test]
    fn text_from_elsewhere_is_made_safe_before_it_is_printed() {
        let (ui, streams) = Ui::for_test(settings());
        ui.status("evil \u{1b}]0;title\u{7} app");
        assert!(
            !streams.stderr().contains('\u{1b}'),
            "{:?}",
            streams.stderr()
        );
    }

    #[test]
    fn stdin_loses_one_line_end_only() {
        let (ui, streams) = Ui::for_test(settings());
        streams.feed_stdin("s3cret\r\n");
        assert_eq!(ui.read_stdin(1024).unwrap(), "s3cret");
        streams.feed_stdin("two\n\n");
        assert_eq!(ui.read_stdin(1024).unwrap(), "two\n");
        streams.feed_stdin("first\nsecond\r\nthird");
        let lines: Vec<String> = ui.stdin_lines().collect();
        assert_eq!(lines, ["first", "second", "third"]);
    }

    #[test]
    fn a_test_ui_never_prompts() {
        let (ui, streams) = Ui::for_test(settings());
        let err = ui.confirm("Delete?", false, "pass `--yes`").unwrap_err();
        assert_eq!(
            err.render(),
            "error: a confirmation is needed and stdin is not a terminal\n\nhint: pass `--yes`\n"
        );
        assert_eq!(streams.stderr(), "");
    }
}
