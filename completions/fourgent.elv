
use builtin;
use str;

set edit:completion:arg-completer[fourgent] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'fourgent'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'fourgent'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand connections 'Add, list, check, re-authorize and delete connections'
            cand c 'Add, list, check, re-authorize and delete connections'
            cand connectors 'The apps fourgent can connect to'
            cand credential 'Hand connections'' tokens to other tools (git)'
            cand store 'Set up a team store (PostgreSQL) and move connections into it'
            cand generate 'Write shell completions and man pages (for packaging)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fourgent;connections'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a connection: choose the app, authenticate, name it'
            cand list 'List connections'
            cand ls 'List connections'
            cand show 'Show one connection in full'
            cand status 'Check connections for real and record the result'
            cand reauthorize 'Authenticate an existing connection again (new credentials after rotating a key, or a new OAuth2 grant)'
            cand delete 'Delete connections and their secrets'
            cand rm 'Delete connections and their secrets'
            cand token 'Print a connection''s secret for a script'
            cand move 'Move connections'' secrets to another secret store'
            cand exec 'Run a program with connections'' credentials in its environment'
            cand log 'Show who did what to connections in the team store, and when'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fourgent;c'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a connection: choose the app, authenticate, name it'
            cand list 'List connections'
            cand ls 'List connections'
            cand show 'Show one connection in full'
            cand status 'Check connections for real and record the result'
            cand reauthorize 'Authenticate an existing connection again (new credentials after rotating a key, or a new OAuth2 grant)'
            cand delete 'Delete connections and their secrets'
            cand rm 'Delete connections and their secrets'
            cand token 'Print a connection''s secret for a script'
            cand move 'Move connections'' secrets to another secret store'
            cand exec 'Run a program with connections'' credentials in its environment'
            cand log 'Show who did what to connections in the team store, and when'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fourgent;connections;add'= {
            cand --name 'A name for the connection, unique for the app [default: `default`]'
            cand --field 'A non-secret value, such as a subdomain (repeatable)'
            cand --secret-env 'Read the secret KEY from the environment variable VAR (repeatable)'
            cand --secret-stdin 'Read the secret KEY from stdin (one key; the whole input, without the final newline)'
            cand --scope 'OAuth2: request this scope instead of the app''s defaults (repeatable)'
            cand --port 'OAuth2: listen for the redirect on this port instead of a free one'
            cand --timeout 'OAuth2: give up waiting for the browser after SECS seconds'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-browser 'OAuth2: do not open a browser; only print the authorization URL'
            cand --no-verify 'Save without checking the credentials with the app first'
            cand --json 'Print the resulting connection as JSON'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;c;add'= {
            cand --name 'A name for the connection, unique for the app [default: `default`]'
            cand --field 'A non-secret value, such as a subdomain (repeatable)'
            cand --secret-env 'Read the secret KEY from the environment variable VAR (repeatable)'
            cand --secret-stdin 'Read the secret KEY from stdin (one key; the whole input, without the final newline)'
            cand --scope 'OAuth2: request this scope instead of the app''s defaults (repeatable)'
            cand --port 'OAuth2: listen for the redirect on this port instead of a free one'
            cand --timeout 'OAuth2: give up waiting for the browser after SECS seconds'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-browser 'OAuth2: do not open a browser; only print the authorization URL'
            cand --no-verify 'Save without checking the credentials with the app first'
            cand --json 'Print the resulting connection as JSON'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;connections;list'= {
            cand --app 'Only connections of this app'
            cand --status 'Only connections with this status'
            cand --sort 'Order of the rows [default: app, then name; --json keeps the file''s order unless this is given]'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --json 'Print a JSON array'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;connections;ls'= {
            cand --app 'Only connections of this app'
            cand --status 'Only connections with this status'
            cand --sort 'Order of the rows [default: app, then name; --json keeps the file''s order unless this is given]'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --json 'Print a JSON array'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;c;list'= {
            cand --app 'Only connections of this app'
            cand --status 'Only connections with this status'
            cand --sort 'Order of the rows [default: app, then name; --json keeps the file''s order unless this is given]'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --json 'Print a JSON array'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;c;ls'= {
            cand --app 'Only connections of this app'
            cand --status 'Only connections with this status'
            cand --sort 'Order of the rows [default: app, then name; --json keeps the file''s order unless this is given]'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --json 'Print a JSON array'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;connections;show'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --json 'Print a JSON object'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;c;show'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --json 'Print a JSON object'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;connections;status'= {
            cand -j 'How many checks run at once'
            cand --jobs 'How many checks run at once'
            cand --timeout 'Give up on one connection''s check after SECS seconds, waits for a rate-limited app included (it counts as unreachable)'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --offline 'Do not call the apps; only check that secrets are present, and record nothing (the last live check stands)'
            cand --json 'Print a JSON array'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;c;status'= {
            cand -j 'How many checks run at once'
            cand --jobs 'How many checks run at once'
            cand --timeout 'Give up on one connection''s check after SECS seconds, waits for a rate-limited app included (it counts as unreachable)'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --offline 'Do not call the apps; only check that secrets are present, and record nothing (the last live check stands)'
            cand --json 'Print a JSON array'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;connections;reauthorize'= {
            cand --field 'A non-secret value, such as a subdomain (repeatable)'
            cand --secret-env 'Read the secret KEY from the environment variable VAR (repeatable)'
            cand --secret-stdin 'Read the secret KEY from stdin (one key; the whole input, without the final newline)'
            cand --scope 'OAuth2: request this scope instead of the app''s defaults (repeatable)'
            cand --port 'OAuth2: listen for the redirect on this port instead of a free one'
            cand --timeout 'OAuth2: give up waiting for the browser after SECS seconds'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-browser 'OAuth2: do not open a browser; only print the authorization URL'
            cand --no-verify 'Save without checking the credentials with the app first'
            cand --json 'Print the resulting connection as JSON'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;c;reauthorize'= {
            cand --field 'A non-secret value, such as a subdomain (repeatable)'
            cand --secret-env 'Read the secret KEY from the environment variable VAR (repeatable)'
            cand --secret-stdin 'Read the secret KEY from stdin (one key; the whole input, without the final newline)'
            cand --scope 'OAuth2: request this scope instead of the app''s defaults (repeatable)'
            cand --port 'OAuth2: listen for the redirect on this port instead of a free one'
            cand --timeout 'OAuth2: give up waiting for the browser after SECS seconds'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-browser 'OAuth2: do not open a browser; only print the authorization URL'
            cand --no-verify 'Save without checking the credentials with the app first'
            cand --json 'Print the resulting connection as JSON'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;connections;delete'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --no-revoke 'OAuth2: keep the token valid at the app (skip revocation)'
            cand --json 'Print what was deleted as JSON: [{"id", "app", "name", "revoked"}]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;connections;rm'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --no-revoke 'OAuth2: keep the token valid at the app (skip revocation)'
            cand --json 'Print what was deleted as JSON: [{"id", "app", "name", "revoked"}]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;c;delete'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --no-revoke 'OAuth2: keep the token valid at the app (skip revocation)'
            cand --json 'Print what was deleted as JSON: [{"id", "app", "name", "revoked"}]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;c;rm'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --no-revoke 'OAuth2: keep the token valid at the app (skip revocation)'
            cand --json 'Print what was deleted as JSON: [{"id", "app", "name", "revoked"}]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;connections;token'= {
            cand --field 'Which secret field to print (Custom apps with several)'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --json 'Print {"token", "expires_at", "expires_in", "connection"} as JSON, for credential helpers'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;c;token'= {
            cand --field 'Which secret field to print (Custom apps with several)'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --json 'Print {"token", "expires_at", "expires_in", "connection"} as JSON, for credential helpers'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;connections;move'= {
            cand --to 'The store to move the secrets to'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;c;move'= {
            cand --to 'The store to move the secrets to'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;connections;exec'= {
            cand --env 'Set NAME to a connection''s secret, or to one of its values with `.FIELD` (repeatable)'
            cand --env-file 'Read `NAME=fourgent://app/name[/field]` lines from FILE (dotenv syntax; repeatable): a file a repository can commit'
            cand --min-valid 'Refresh tokens that would expire within DURATION before the program starts, and keep served tokens at least that fresh (90s, 5m, 1h)'
            cand --token-file 'Also keep each secret in an owner-only file in DIR, named like its variable and rewritten before it expires; NAME_FILE holds the path'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --override 'Replace variables that are already set, and allow running inside another `exec`'
            cand --mask 'Replace each secret in the program''s stdout and stderr with `***` (and print `::add-mask::` for each when GITHUB_ACTIONS=true)'
            cand --no-verify 'Do not check the credentials with the apps before the program starts'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;c;exec'= {
            cand --env 'Set NAME to a connection''s secret, or to one of its values with `.FIELD` (repeatable)'
            cand --env-file 'Read `NAME=fourgent://app/name[/field]` lines from FILE (dotenv syntax; repeatable): a file a repository can commit'
            cand --min-valid 'Refresh tokens that would expire within DURATION before the program starts, and keep served tokens at least that fresh (90s, 5m, 1h)'
            cand --token-file 'Also keep each secret in an owner-only file in DIR, named like its variable and rewritten before it expires; NAME_FILE holds the path'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --override 'Replace variables that are already set, and allow running inside another `exec`'
            cand --mask 'Replace each secret in the program''s stdout and stderr with `***` (and print `::add-mask::` for each when GITHUB_ACTIONS=true)'
            cand --no-verify 'Do not check the credentials with the apps before the program starts'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;connections;log'= {
            cand --limit 'Show at most this many events, the newest'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --json 'Print a JSON array'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;c;log'= {
            cand --limit 'Show at most this many events, the newest'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --json 'Print a JSON array'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;connections;help'= {
            cand add 'Add a connection: choose the app, authenticate, name it'
            cand list 'List connections'
            cand show 'Show one connection in full'
            cand status 'Check connections for real and record the result'
            cand reauthorize 'Authenticate an existing connection again (new credentials after rotating a key, or a new OAuth2 grant)'
            cand delete 'Delete connections and their secrets'
            cand token 'Print a connection''s secret for a script'
            cand move 'Move connections'' secrets to another secret store'
            cand exec 'Run a program with connections'' credentials in its environment'
            cand log 'Show who did what to connections in the team store, and when'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fourgent;connections;help;add'= {
        }
        &'fourgent;connections;help;list'= {
        }
        &'fourgent;connections;help;show'= {
        }
        &'fourgent;connections;help;status'= {
        }
        &'fourgent;connections;help;reauthorize'= {
        }
        &'fourgent;connections;help;delete'= {
        }
        &'fourgent;connections;help;token'= {
        }
        &'fourgent;connections;help;move'= {
        }
        &'fourgent;connections;help;exec'= {
        }
        &'fourgent;connections;help;log'= {
        }
        &'fourgent;connections;help;help'= {
        }
        &'fourgent;c;help'= {
            cand add 'Add a connection: choose the app, authenticate, name it'
            cand list 'List connections'
            cand show 'Show one connection in full'
            cand status 'Check connections for real and record the result'
            cand reauthorize 'Authenticate an existing connection again (new credentials after rotating a key, or a new OAuth2 grant)'
            cand delete 'Delete connections and their secrets'
            cand token 'Print a connection''s secret for a script'
            cand move 'Move connections'' secrets to another secret store'
            cand exec 'Run a program with connections'' credentials in its environment'
            cand log 'Show who did what to connections in the team store, and when'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fourgent;c;help;add'= {
        }
        &'fourgent;c;help;list'= {
        }
        &'fourgent;c;help;show'= {
        }
        &'fourgent;c;help;status'= {
        }
        &'fourgent;c;help;reauthorize'= {
        }
        &'fourgent;c;help;delete'= {
        }
        &'fourgent;c;help;token'= {
        }
        &'fourgent;c;help;move'= {
        }
        &'fourgent;c;help;exec'= {
        }
        &'fourgent;c;help;log'= {
        }
        &'fourgent;c;help;help'= {
        }
        &'fourgent;connectors'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the apps fourgent can connect to'
            cand ls 'List the apps fourgent can connect to'
            cand show 'Show what fourgent knows about an app: auth, endpoints, scopes, credential fields, redirect rules'
            cand set-secret 'Store an app''s OAuth client secret in the secret store'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fourgent;connectors;list'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --json 'Print a JSON array'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;connectors;ls'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --json 'Print a JSON array'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;connectors;show'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --json 'Print a JSON object'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;connectors;set-secret'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --delete 'Remove the stored client secret instead'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;connectors;help'= {
            cand list 'List the apps fourgent can connect to'
            cand show 'Show what fourgent knows about an app: auth, endpoints, scopes, credential fields, redirect rules'
            cand set-secret 'Store an app''s OAuth client secret in the secret store'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fourgent;connectors;help;list'= {
        }
        &'fourgent;connectors;help;show'= {
        }
        &'fourgent;connectors;help;set-secret'= {
        }
        &'fourgent;connectors;help;help'= {
        }
        &'fourgent;credential'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand git 'git''s credential helper: a connection''s token for git over https'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fourgent;credential;git'= {
            cand --connection 'The connection to answer with [default: the one Connected connection whose app declares the host]'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;credential;help'= {
            cand git 'git''s credential helper: a connection''s token for git over https'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fourgent;credential;help;git'= {
        }
        &'fourgent;credential;help;help'= {
        }
        &'fourgent;store'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create the team store''s tables, or upgrade them to this version'
            cand status 'Show the team store: where it is, its schema version, its key, counts'
            cand import 'Move connections from this machine into the team store'
            cand export 'Move connections from the team store to this machine'
            cand new-key 'Print a new random team key (once), for `store set-key` or FOURGENT_STORE_KEY'
            cand set-key 'Keep the team key in this machine''s OS keychain'
            cand rotate-key 'Re-encrypt every secret in the team store under a new key'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fourgent;store;init'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;store;status'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --json 'Print a JSON object'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;store;import'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;store;export'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;store;new-key'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;store;set-key'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --delete 'Remove the team key from the keychain instead'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;store;rotate-key'= {
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --generate 'Make a new random key, and print it once on stdout'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;store;help'= {
            cand init 'Create the team store''s tables, or upgrade them to this version'
            cand status 'Show the team store: where it is, its schema version, its key, counts'
            cand import 'Move connections from this machine into the team store'
            cand export 'Move connections from the team store to this machine'
            cand new-key 'Print a new random team key (once), for `store set-key` or FOURGENT_STORE_KEY'
            cand set-key 'Keep the team key in this machine''s OS keychain'
            cand rotate-key 'Re-encrypt every secret in the team store under a new key'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fourgent;store;help;init'= {
        }
        &'fourgent;store;help;status'= {
        }
        &'fourgent;store;help;import'= {
        }
        &'fourgent;store;help;export'= {
        }
        &'fourgent;store;help;new-key'= {
        }
        &'fourgent;store;help;set-key'= {
        }
        &'fourgent;store;help;rotate-key'= {
        }
        &'fourgent;store;help;help'= {
        }
        &'fourgent;generate'= {
            cand --out-dir 'The repository root: completions/ and man/ are written below it'
            cand --config-dir 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]'
            cand --secret-store 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)'
            cand --store 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]'
            cand --color 'When to use colour [default: auto, or never when NO_COLOR is set]'
            cand --no-input 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand -q 'Say less on stderr: only warnings and errors'
            cand --quiet 'Say less on stderr: only warnings and errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fourgent;help'= {
            cand connections 'Add, list, check, re-authorize and delete connections'
            cand connectors 'The apps fourgent can connect to'
            cand credential 'Hand connections'' tokens to other tools (git)'
            cand store 'Set up a team store (PostgreSQL) and move connections into it'
            cand generate 'Write shell completions and man pages (for packaging)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fourgent;help;connections'= {
            cand add 'Add a connection: choose the app, authenticate, name it'
            cand list 'List connections'
            cand show 'Show one connection in full'
            cand status 'Check connections for real and record the result'
            cand reauthorize 'Authenticate an existing connection again (new credentials after rotating a key, or a new OAuth2 grant)'
            cand delete 'Delete connections and their secrets'
            cand token 'Print a connection''s secret for a script'
            cand move 'Move connections'' secrets to another secret store'
            cand exec 'Run a program with connections'' credentials in its environment'
            cand log 'Show who did what to connections in the team store, and when'
        }
        &'fourgent;help;connections;add'= {
        }
        &'fourgent;help;connections;list'= {
        }
        &'fourgent;help;connections;show'= {
        }
        &'fourgent;help;connections;status'= {
        }
        &'fourgent;help;connections;reauthorize'= {
        }
        &'fourgent;help;connections;delete'= {
        }
        &'fourgent;help;connections;token'= {
        }
        &'fourgent;help;connections;move'= {
        }
        &'fourgent;help;connections;exec'= {
        }
        &'fourgent;help;connections;log'= {
        }
        &'fourgent;help;connectors'= {
            cand list 'List the apps fourgent can connect to'
            cand show 'Show what fourgent knows about an app: auth, endpoints, scopes, credential fields, redirect rules'
            cand set-secret 'Store an app''s OAuth client secret in the secret store'
        }
        &'fourgent;help;connectors;list'= {
        }
        &'fourgent;help;connectors;show'= {
        }
        &'fourgent;help;connectors;set-secret'= {
        }
        &'fourgent;help;credential'= {
            cand git 'git''s credential helper: a connection''s token for git over https'
        }
        &'fourgent;help;credential;git'= {
        }
        &'fourgent;help;store'= {
            cand init 'Create the team store''s tables, or upgrade them to this version'
            cand status 'Show the team store: where it is, its schema version, its key, counts'
            cand import 'Move connections from this machine into the team store'
            cand export 'Move connections from the team store to this machine'
            cand new-key 'Print a new random team key (once), for `store set-key` or FOURGENT_STORE_KEY'
            cand set-key 'Keep the team key in this machine''s OS keychain'
            cand rotate-key 'Re-encrypt every secret in the team store under a new key'
        }
        &'fourgent;help;store;init'= {
        }
        &'fourgent;help;store;status'= {
        }
        &'fourgent;help;store;import'= {
        }
        &'fourgent;help;store;export'= {
        }
        &'fourgent;help;store;new-key'= {
        }
        &'fourgent;help;store;set-key'= {
        }
        &'fourgent;help;store;rotate-key'= {
        }
        &'fourgent;help;generate'= {
        }
        &'fourgent;help;help'= {
        }
    ]
    $completions[$command]
}
