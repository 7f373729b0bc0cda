
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'fourgent' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'fourgent'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'fourgent' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('connections', 'connections', [CompletionResultType]::ParameterValue, 'Add, list, check, re-authorize and delete connections')
            [CompletionResult]::new('c', 'c', [CompletionResultType]::ParameterValue, 'Add, list, check, re-authorize and delete connections')
            [CompletionResult]::new('connectors', 'connectors', [CompletionResultType]::ParameterValue, 'The apps fourgent can connect to')
            [CompletionResult]::new('credential', 'credential', [CompletionResultType]::ParameterValue, 'Hand connections'' tokens to other tools (git)')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Set up a team store (PostgreSQL) and move connections into it')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write shell completions and man pages (for packaging)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fourgent;connections' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a connection: choose the app, authenticate, name it')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List connections')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List connections')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one connection in full')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check connections for real and record the result')
            [CompletionResult]::new('reauthorize', 'reauthorize', [CompletionResultType]::ParameterValue, 'Authenticate an existing connection again (new credentials after rotating a key, or a new OAuth2 grant)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete connections and their secrets')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete connections and their secrets')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a connection''s secret for a script')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move connections'' secrets to another secret store')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a program with connections'' credentials in its environment')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show who did what to connections in the team store, and when')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fourgent;c' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a connection: choose the app, authenticate, name it')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List connections')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List connections')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one connection in full')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check connections for real and record the result')
            [CompletionResult]::new('reauthorize', 'reauthorize', [CompletionResultType]::ParameterValue, 'Authenticate an existing connection again (new credentials after rotating a key, or a new OAuth2 grant)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete connections and their secrets')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete connections and their secrets')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a connection''s secret for a script')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move connections'' secrets to another secret store')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a program with connections'' credentials in its environment')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show who did what to connections in the team store, and when')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fourgent;connections;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for the connection, unique for the app [default: `default`]')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A non-secret value, such as a subdomain (repeatable)')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'Read the secret KEY from the environment variable VAR (repeatable)')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the secret KEY from stdin (one key; the whole input, without the final newline)')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'OAuth2: request this scope instead of the app''s defaults (repeatable)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'OAuth2: listen for the redirect on this port instead of a free one')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'OAuth2: give up waiting for the browser after SECS seconds')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'OAuth2: do not open a browser; only print the authorization URL')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Save without checking the credentials with the app first')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the resulting connection as JSON')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;c;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for the connection, unique for the app [default: `default`]')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A non-secret value, such as a subdomain (repeatable)')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'Read the secret KEY from the environment variable VAR (repeatable)')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the secret KEY from stdin (one key; the whole input, without the final newline)')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'OAuth2: request this scope instead of the app''s defaults (repeatable)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'OAuth2: listen for the redirect on this port instead of a free one')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'OAuth2: give up waiting for the browser after SECS seconds')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'OAuth2: do not open a browser; only print the authorization URL')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Save without checking the credentials with the app first')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the resulting connection as JSON')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;connections;list' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'Only connections of this app')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only connections with this status')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order of the rows [default: app, then name; --json keeps the file''s order unless this is given]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;connections;ls' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'Only connections of this app')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only connections with this status')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order of the rows [default: app, then name; --json keeps the file''s order unless this is given]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;c;list' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'Only connections of this app')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only connections with this status')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order of the rows [default: app, then name; --json keeps the file''s order unless this is given]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;c;ls' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'Only connections of this app')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only connections with this status')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order of the rows [default: app, then name; --json keeps the file''s order unless this is given]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;connections;show' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON object')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;c;show' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON object')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;connections;status' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'How many checks run at once')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many checks run at once')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on one connection''s check after SECS seconds, waits for a rate-limited app included (it counts as unreachable)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not call the apps; only check that secrets are present, and record nothing (the last live check stands)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;c;status' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'How many checks run at once')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many checks run at once')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on one connection''s check after SECS seconds, waits for a rate-limited app included (it counts as unreachable)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not call the apps; only check that secrets are present, and record nothing (the last live check stands)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;connections;reauthorize' {
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A non-secret value, such as a subdomain (repeatable)')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'Read the secret KEY from the environment variable VAR (repeatable)')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the secret KEY from stdin (one key; the whole input, without the final newline)')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'OAuth2: request this scope instead of the app''s defaults (repeatable)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'OAuth2: listen for the redirect on this port instead of a free one')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'OAuth2: give up waiting for the browser after SECS seconds')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'OAuth2: do not open a browser; only print the authorization URL')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Save without checking the credentials with the app first')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the resulting connection as JSON')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;c;reauthorize' {
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A non-secret value, such as a subdomain (repeatable)')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'Read the secret KEY from the environment variable VAR (repeatable)')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the secret KEY from stdin (one key; the whole input, without the final newline)')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'OAuth2: request this scope instead of the app''s defaults (repeatable)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'OAuth2: listen for the redirect on this port instead of a free one')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'OAuth2: give up waiting for the browser after SECS seconds')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'OAuth2: do not open a browser; only print the authorization URL')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Save without checking the credentials with the app first')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the resulting connection as JSON')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;connections;delete' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--no-revoke', '--no-revoke', [CompletionResultType]::ParameterName, 'OAuth2: keep the token valid at the app (skip revocation)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print what was deleted as JSON: [{"id", "app", "name", "revoked"}]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;connections;rm' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--no-revoke', '--no-revoke', [CompletionResultType]::ParameterName, 'OAuth2: keep the token valid at the app (skip revocation)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print what was deleted as JSON: [{"id", "app", "name", "revoked"}]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;c;delete' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--no-revoke', '--no-revoke', [CompletionResultType]::ParameterName, 'OAuth2: keep the token valid at the app (skip revocation)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print what was deleted as JSON: [{"id", "app", "name", "revoked"}]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;c;rm' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--no-revoke', '--no-revoke', [CompletionResultType]::ParameterName, 'OAuth2: keep the token valid at the app (skip revocation)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print what was deleted as JSON: [{"id", "app", "name", "revoked"}]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;connections;token' {
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Which secret field to print (Custom apps with several)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print {"token", "expires_at", "expires_in", "connection"} as JSON, for credential helpers')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;c;token' {
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Which secret field to print (Custom apps with several)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print {"token", "expires_at", "expires_in", "connection"} as JSON, for credential helpers')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;connections;move' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The store to move the secrets to')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;c;move' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The store to move the secrets to')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;connections;exec' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Set NAME to a connection''s secret, or to one of its values with `.FIELD` (repeatable)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read `NAME=fourgent://app/name[/field]` lines from FILE (dotenv syntax; repeatable): a file a repository can commit')
            [CompletionResult]::new('--min-valid', '--min-valid', [CompletionResultType]::ParameterName, 'Refresh tokens that would expire within DURATION before the program starts, and keep served tokens at least that fresh (90s, 5m, 1h)')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Also keep each secret in an owner-only file in DIR, named like its variable and rewritten before it expires; NAME_FILE holds the path')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--override', '--override', [CompletionResultType]::ParameterName, 'Replace variables that are already set, and allow running inside another `exec`')
            [CompletionResult]::new('--mask', '--mask', [CompletionResultType]::ParameterName, 'Replace each secret in the program''s stdout and stderr with `***` (and print `::add-mask::` for each when GITHUB_ACTIONS=true)')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Do not check the credentials with the apps before the program starts')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;c;exec' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Set NAME to a connection''s secret, or to one of its values with `.FIELD` (repeatable)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read `NAME=fourgent://app/name[/field]` lines from FILE (dotenv syntax; repeatable): a file a repository can commit')
            [CompletionResult]::new('--min-valid', '--min-valid', [CompletionResultType]::ParameterName, 'Refresh tokens that would expire within DURATION before the program starts, and keep served tokens at least that fresh (90s, 5m, 1h)')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Also keep each secret in an owner-only file in DIR, named like its variable and rewritten before it expires; NAME_FILE holds the path')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--override', '--override', [CompletionResultType]::ParameterName, 'Replace variables that are already set, and allow running inside another `exec`')
            [CompletionResult]::new('--mask', '--mask', [CompletionResultType]::ParameterName, 'Replace each secret in the program''s stdout and stderr with `***` (and print `::add-mask::` for each when GITHUB_ACTIONS=true)')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Do not check the credentials with the apps before the program starts')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;connections;log' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most this many events, the newest')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;c;log' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most this many events, the newest')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;connections;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a connection: choose the app, authenticate, name it')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List connections')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one connection in full')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check connections for real and record the result')
            [CompletionResult]::new('reauthorize', 'reauthorize', [CompletionResultType]::ParameterValue, 'Authenticate an existing connection again (new credentials after rotating a key, or a new OAuth2 grant)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete connections and their secrets')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a connection''s secret for a script')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move connections'' secrets to another secret store')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a program with connections'' credentials in its environment')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show who did what to connections in the team store, and when')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fourgent;connections;help;add' {
            break
        }
        'fourgent;connections;help;list' {
            break
        }
        'fourgent;connections;help;show' {
            break
        }
        'fourgent;connections;help;status' {
            break
        }
        'fourgent;connections;help;reauthorize' {
            break
        }
        'fourgent;connections;help;delete' {
            break
        }
        'fourgent;connections;help;token' {
            break
        }
        'fourgent;connections;help;move' {
            break
        }
        'fourgent;connections;help;exec' {
            break
        }
        'fourgent;connections;help;log' {
            break
        }
        'fourgent;connections;help;help' {
            break
        }
        'fourgent;c;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a connection: choose the app, authenticate, name it')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List connections')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one connection in full')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check connections for real and record the result')
            [CompletionResult]::new('reauthorize', 'reauthorize', [CompletionResultType]::ParameterValue, 'Authenticate an existing connection again (new credentials after rotating a key, or a new OAuth2 grant)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete connections and their secrets')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a connection''s secret for a script')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move connections'' secrets to another secret store')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a program with connections'' credentials in its environment')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show who did what to connections in the team store, and when')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fourgent;c;help;add' {
            break
        }
        'fourgent;c;help;list' {
            break
        }
        'fourgent;c;help;show' {
            break
        }
        'fourgent;c;help;status' {
            break
        }
        'fourgent;c;help;reauthorize' {
            break
        }
        'fourgent;c;help;delete' {
            break
        }
        'fourgent;c;help;token' {
            break
        }
        'fourgent;c;help;move' {
            break
        }
        'fourgent;c;help;exec' {
            break
        }
        'fourgent;c;help;log' {
            break
        }
        'fourgent;c;help;help' {
            break
        }
        'fourgent;connectors' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the apps fourgent can connect to')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the apps fourgent can connect to')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show what fourgent knows about an app: auth, endpoints, scopes, credential fields, redirect rules')
            [CompletionResult]::new('set-secret', 'set-secret', [CompletionResultType]::ParameterValue, 'Store an app''s OAuth client secret in the secret store')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fourgent;connectors;list' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;connectors;ls' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;connectors;show' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON object')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;connectors;set-secret' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Remove the stored client secret instead')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;connectors;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the apps fourgent can connect to')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show what fourgent knows about an app: auth, endpoints, scopes, credential fields, redirect rules')
            [CompletionResult]::new('set-secret', 'set-secret', [CompletionResultType]::ParameterValue, 'Store an app''s OAuth client secret in the secret store')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fourgent;connectors;help;list' {
            break
        }
        'fourgent;connectors;help;show' {
            break
        }
        'fourgent;connectors;help;set-secret' {
            break
        }
        'fourgent;connectors;help;help' {
            break
        }
        'fourgent;credential' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('git', 'git', [CompletionResultType]::ParameterValue, 'git''s credential helper: a connection''s token for git over https')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fourgent;credential;git' {
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'The connection to answer with [default: the one Connected connection whose app declares the host]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;credential;help' {
            [CompletionResult]::new('git', 'git', [CompletionResultType]::ParameterValue, 'git''s credential helper: a connection''s token for git over https')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fourgent;credential;help;git' {
            break
        }
        'fourgent;credential;help;help' {
            break
        }
        'fourgent;store' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the team store''s tables, or upgrade them to this version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the team store: where it is, its schema version, its key, counts')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Move connections from this machine into the team store')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Move connections from the team store to this machine')
            [CompletionResult]::new('new-key', 'new-key', [CompletionResultType]::ParameterValue, 'Print a new random team key (once), for `store set-key` or FOURGENT_STORE_KEY')
            [CompletionResult]::new('set-key', 'set-key', [CompletionResultType]::ParameterValue, 'Keep the team key in this machine''s OS keychain')
            [CompletionResult]::new('rotate-key', 'rotate-key', [CompletionResultType]::ParameterValue, 'Re-encrypt every secret in the team store under a new key')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fourgent;store;init' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;store;status' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON object')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;store;import' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;store;export' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;store;new-key' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;store;set-key' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Remove the team key from the keychain instead')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;store;rotate-key' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Make a new random key, and print it once on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;store;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the team store''s tables, or upgrade them to this version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the team store: where it is, its schema version, its key, counts')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Move connections from this machine into the team store')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Move connections from the team store to this machine')
            [CompletionResult]::new('new-key', 'new-key', [CompletionResultType]::ParameterValue, 'Print a new random team key (once), for `store set-key` or FOURGENT_STORE_KEY')
            [CompletionResult]::new('set-key', 'set-key', [CompletionResultType]::ParameterValue, 'Keep the team key in this machine''s OS keychain')
            [CompletionResult]::new('rotate-key', 'rotate-key', [CompletionResultType]::ParameterValue, 'Re-encrypt every secret in the team store under a new key')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fourgent;store;help;init' {
            break
        }
        'fourgent;store;help;status' {
            break
        }
        'fourgent;store;help;import' {
            break
        }
        'fourgent;store;help;export' {
            break
        }
        'fourgent;store;help;new-key' {
            break
        }
        'fourgent;store;help;set-key' {
            break
        }
        'fourgent;store;help;rotate-key' {
            break
        }
        'fourgent;store;help;help' {
            break
        }
        'fourgent;generate' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'The repository root: completions/ and man/ are written below it')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine''s connections.toml and keychain]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or never when NO_COLOR is set]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say less on stderr: only warnings and errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fourgent;help' {
            [CompletionResult]::new('connections', 'connections', [CompletionResultType]::ParameterValue, 'Add, list, check, re-authorize and delete connections')
            [CompletionResult]::new('connectors', 'connectors', [CompletionResultType]::ParameterValue, 'The apps fourgent can connect to')
            [CompletionResult]::new('credential', 'credential', [CompletionResultType]::ParameterValue, 'Hand connections'' tokens to other tools (git)')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Set up a team store (PostgreSQL) and move connections into it')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write shell completions and man pages (for packaging)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fourgent;help;connections' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a connection: choose the app, authenticate, name it')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List connections')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one connection in full')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check connections for real and record the result')
            [CompletionResult]::new('reauthorize', 'reauthorize', [CompletionResultType]::ParameterValue, 'Authenticate an existing connection again (new credentials after rotating a key, or a new OAuth2 grant)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete connections and their secrets')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a connection''s secret for a script')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move connections'' secrets to another secret store')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a program with connections'' credentials in its environment')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show who did what to connections in the team store, and when')
            break
        }
        'fourgent;help;connections;add' {
            break
        }
        'fourgent;help;connections;list' {
            break
        }
        'fourgent;help;connections;show' {
            break
        }
        'fourgent;help;connections;status' {
            break
        }
        'fourgent;help;connections;reauthorize' {
            break
        }
        'fourgent;help;connections;delete' {
            break
        }
        'fourgent;help;connections;token' {
            break
        }
        'fourgent;help;connections;move' {
            break
        }
        'fourgent;help;connections;exec' {
            break
        }
        'fourgent;help;connections;log' {
            break
        }
        'fourgent;help;connectors' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the apps fourgent can connect to')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show what fourgent knows about an app: auth, endpoints, scopes, credential fields, redirect rules')
            [CompletionResult]::new('set-secret', 'set-secret', [CompletionResultType]::ParameterValue, 'Store an app''s OAuth client secret in the secret store')
            break
        }
        'fourgent;help;connectors;list' {
            break
        }
        'fourgent;help;connectors;show' {
            break
        }
        'fourgent;help;connectors;set-secret' {
            break
        }
        'fourgent;help;credential' {
            [CompletionResult]::new('git', 'git', [CompletionResultType]::ParameterValue, 'git''s credential helper: a connection''s token for git over https')
            break
        }
        'fourgent;help;credential;git' {
            break
        }
        'fourgent;help;store' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the team store''s tables, or upgrade them to this version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the team store: where it is, its schema version, its key, counts')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Move connections from this machine into the team store')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Move connections from the team store to this machine')
            [CompletionResult]::new('new-key', 'new-key', [CompletionResultType]::ParameterValue, 'Print a new random team key (once), for `store set-key` or FOURGENT_STORE_KEY')
            [CompletionResult]::new('set-key', 'set-key', [CompletionResultType]::ParameterValue, 'Keep the team key in this machine''s OS keychain')
            [CompletionResult]::new('rotate-key', 'rotate-key', [CompletionResultType]::ParameterValue, 'Re-encrypt every secret in the team store under a new key')
            break
        }
        'fourgent;help;store;init' {
            break
        }
        'fourgent;help;store;status' {
            break
        }
        'fourgent;help;store;import' {
            break
        }
        'fourgent;help;store;export' {
            break
        }
        'fourgent;help;store;new-key' {
            break
        }
        'fourgent;help;store;set-key' {
            break
        }
        'fourgent;help;store;rotate-key' {
            break
        }
        'fourgent;help;generate' {
            break
        }
        'fourgent;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
