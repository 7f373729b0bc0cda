# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_fourgent_global_optspecs
    string join \n config-dir= secret-store= store= no-input color= v/verbose q/quiet h/help V/version
end

function __fish_fourgent_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_fourgent_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_fourgent_using_subcommand
    set -l cmd (__fish_fourgent_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c fourgent -n "__fish_fourgent_needs_command" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_needs_command" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_needs_command" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_needs_command" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_needs_command" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_needs_command" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_needs_command" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_needs_command" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_needs_command" -f -a "connections" -d 'Add, list, check, re-authorize and delete connections'
complete -c fourgent -n "__fish_fourgent_needs_command" -f -a "c" -d 'Add, list, check, re-authorize and delete connections'
complete -c fourgent -n "__fish_fourgent_needs_command" -f -a "connectors" -d 'The apps fourgent can connect to'
complete -c fourgent -n "__fish_fourgent_needs_command" -f -a "credential" -d 'Hand connections\' tokens to other tools (git)'
complete -c fourgent -n "__fish_fourgent_needs_command" -f -a "store" -d 'Set up a team store (PostgreSQL) and move connections into it'
complete -c fourgent -n "__fish_fourgent_needs_command" -f -a "generate" -d 'Write shell completions and man pages (for packaging)'
complete -c fourgent -n "__fish_fourgent_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "add" -d 'Add a connection: choose the app, authenticate, name it'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "list" -d 'List connections'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "ls" -d 'List connections'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "show" -d 'Show one connection in full'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "status" -d 'Check connections for real and record the result'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "reauthorize" -d 'Authenticate an existing connection again (new credentials after rotating a key, or a new OAuth2 grant)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "delete" -d 'Delete connections and their secrets'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "rm" -d 'Delete connections and their secrets'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "token" -d 'Print a connection\'s secret for a script'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "move" -d 'Move connections\' secrets to another secret store'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "exec" -d 'Run a program with connections\' credentials in its environment'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "log" -d 'Show who did what to connections in the team store, and when'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -l name -d 'A name for the connection, unique for the app [default: `default`]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -l field -d 'A non-secret value, such as a subdomain (repeatable)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -l secret-env -d 'Read the secret KEY from the environment variable VAR (repeatable)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -l secret-stdin -d 'Read the secret KEY from stdin (one key; the whole input, without the final newline)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -l scope -d 'OAuth2: request this scope instead of the app\'s defaults (repeatable)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -l port -d 'OAuth2: listen for the redirect on this port instead of a free one' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -l timeout -d 'OAuth2: give up waiting for the browser after SECS seconds' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -l no-browser -d 'OAuth2: do not open a browser; only print the authorization URL'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -l no-verify -d 'Save without checking the credentials with the app first'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -l json -d 'Print the resulting connection as JSON'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from list" -l app -d 'Only connections of this app' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from list" -l status -d 'Only connections with this status' -r -f -a "connected\t''
not-connected\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from list" -l sort -d 'Order of the rows [default: app, then name; --json keeps the file\'s order unless this is given]' -r -f -a "app\t'By app, then name'
name\t'By name, then app'
status\t'Not Connected first, then by app and name'
created\t'Oldest first'
checked\t'Least recently checked first (never checked before all)'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from list" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from list" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from list" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from list" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from list" -l json -d 'Print a JSON array'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from ls" -l app -d 'Only connections of this app' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from ls" -l status -d 'Only connections with this status' -r -f -a "connected\t''
not-connected\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from ls" -l sort -d 'Order of the rows [default: app, then name; --json keeps the file\'s order unless this is given]' -r -f -a "app\t'By app, then name'
name\t'By name, then app'
status\t'Not Connected first, then by app and name'
created\t'Oldest first'
checked\t'Least recently checked first (never checked before all)'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from ls" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from ls" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from ls" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from ls" -l json -d 'Print a JSON array'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from show" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from show" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from show" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from show" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from show" -l json -d 'Print a JSON object'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from status" -s j -l jobs -d 'How many checks run at once' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from status" -l timeout -d 'Give up on one connection\'s check after SECS seconds, waits for a rate-limited app included (it counts as unreachable)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from status" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from status" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from status" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from status" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from status" -l offline -d 'Do not call the apps; only check that secrets are present, and record nothing (the last live check stands)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from status" -l json -d 'Print a JSON array'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -l field -d 'A non-secret value, such as a subdomain (repeatable)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -l secret-env -d 'Read the secret KEY from the environment variable VAR (repeatable)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -l secret-stdin -d 'Read the secret KEY from stdin (one key; the whole input, without the final newline)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -l scope -d 'OAuth2: request this scope instead of the app\'s defaults (repeatable)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -l port -d 'OAuth2: listen for the redirect on this port instead of a free one' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -l timeout -d 'OAuth2: give up waiting for the browser after SECS seconds' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -l no-browser -d 'OAuth2: do not open a browser; only print the authorization URL'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -l no-verify -d 'Save without checking the credentials with the app first'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -l json -d 'Print the resulting connection as JSON'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from reauthorize" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from delete" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from delete" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from delete" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Delete without asking'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from delete" -l no-revoke -d 'OAuth2: keep the token valid at the app (skip revocation)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from delete" -l json -d 'Print what was deleted as JSON: [{"id", "app", "name", "revoked"}]'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from rm" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from rm" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from rm" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Delete without asking'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from rm" -l no-revoke -d 'OAuth2: keep the token valid at the app (skip revocation)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from rm" -l json -d 'Print what was deleted as JSON: [{"id", "app", "name", "revoked"}]'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from rm" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from token" -l field -d 'Which secret field to print (Custom apps with several)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from token" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from token" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from token" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from token" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from token" -l json -d 'Print {"token", "expires_at", "expires_in", "connection"} as JSON, for credential helpers'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from token" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from token" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from token" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from token" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from move" -l to -d 'The store to move the secrets to' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from move" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from move" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from move" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from move" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from move" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from move" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from move" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from move" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from move" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from exec" -l env -d 'Set NAME to a connection\'s secret, or to one of its values with `.FIELD` (repeatable)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from exec" -l env-file -d 'Read `NAME=fourgent://app/name[/field]` lines from FILE (dotenv syntax; repeatable): a file a repository can commit' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from exec" -l min-valid -d 'Refresh tokens that would expire within DURATION before the program starts, and keep served tokens at least that fresh (90s, 5m, 1h)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from exec" -l token-file -d 'Also keep each secret in an owner-only file in DIR, named like its variable and rewritten before it expires; NAME_FILE holds the path' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from exec" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from exec" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from exec" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from exec" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from exec" -l override -d 'Replace variables that are already set, and allow running inside another `exec`'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from exec" -l mask -d 'Replace each secret in the program\'s stdout and stderr with `***` (and print `::add-mask::` for each when GITHUB_ACTIONS=true)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from exec" -l no-verify -d 'Do not check the credentials with the apps before the program starts'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from exec" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from exec" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from exec" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from exec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from exec" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from log" -l limit -d 'Show at most this many events, the newest' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from log" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from log" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from log" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from log" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from log" -l json -d 'Print a JSON array'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from log" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from log" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from log" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from log" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a connection: choose the app, authenticate, name it'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from help" -f -a "list" -d 'List connections'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one connection in full'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from help" -f -a "status" -d 'Check connections for real and record the result'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from help" -f -a "reauthorize" -d 'Authenticate an existing connection again (new credentials after rotating a key, or a new OAuth2 grant)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete connections and their secrets'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from help" -f -a "token" -d 'Print a connection\'s secret for a script'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from help" -f -a "move" -d 'Move connections\' secrets to another secret store'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from help" -f -a "exec" -d 'Run a program with connections\' credentials in its environment'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from help" -f -a "log" -d 'Show who did what to connections in the team store, and when'
complete -c fourgent -n "__fish_fourgent_using_subcommand connections; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "add" -d 'Add a connection: choose the app, authenticate, name it'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "list" -d 'List connections'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "ls" -d 'List connections'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "show" -d 'Show one connection in full'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "status" -d 'Check connections for real and record the result'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "reauthorize" -d 'Authenticate an existing connection again (new credentials after rotating a key, or a new OAuth2 grant)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "delete" -d 'Delete connections and their secrets'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "rm" -d 'Delete connections and their secrets'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "token" -d 'Print a connection\'s secret for a script'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "move" -d 'Move connections\' secrets to another secret store'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "exec" -d 'Run a program with connections\' credentials in its environment'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "log" -d 'Show who did what to connections in the team store, and when'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and not __fish_seen_subcommand_from add list ls show status reauthorize delete rm token move exec log help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -l name -d 'A name for the connection, unique for the app [default: `default`]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -l field -d 'A non-secret value, such as a subdomain (repeatable)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -l secret-env -d 'Read the secret KEY from the environment variable VAR (repeatable)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -l secret-stdin -d 'Read the secret KEY from stdin (one key; the whole input, without the final newline)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -l scope -d 'OAuth2: request this scope instead of the app\'s defaults (repeatable)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -l port -d 'OAuth2: listen for the redirect on this port instead of a free one' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -l timeout -d 'OAuth2: give up waiting for the browser after SECS seconds' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -l no-browser -d 'OAuth2: do not open a browser; only print the authorization URL'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -l no-verify -d 'Save without checking the credentials with the app first'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -l json -d 'Print the resulting connection as JSON'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from list" -l app -d 'Only connections of this app' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from list" -l status -d 'Only connections with this status' -r -f -a "connected\t''
not-connected\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from list" -l sort -d 'Order of the rows [default: app, then name; --json keeps the file\'s order unless this is given]' -r -f -a "app\t'By app, then name'
name\t'By name, then app'
status\t'Not Connected first, then by app and name'
created\t'Oldest first'
checked\t'Least recently checked first (never checked before all)'"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from list" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from list" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from list" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from list" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from list" -l json -d 'Print a JSON array'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from ls" -l app -d 'Only connections of this app' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from ls" -l status -d 'Only connections with this status' -r -f -a "connected\t''
not-connected\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from ls" -l sort -d 'Order of the rows [default: app, then name; --json keeps the file\'s order unless this is given]' -r -f -a "app\t'By app, then name'
name\t'By name, then app'
status\t'Not Connected first, then by app and name'
created\t'Oldest first'
checked\t'Least recently checked first (never checked before all)'"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from ls" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from ls" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from ls" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from ls" -l json -d 'Print a JSON array'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from show" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from show" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from show" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from show" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from show" -l json -d 'Print a JSON object'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from status" -s j -l jobs -d 'How many checks run at once' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from status" -l timeout -d 'Give up on one connection\'s check after SECS seconds, waits for a rate-limited app included (it counts as unreachable)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from status" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from status" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from status" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from status" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from status" -l offline -d 'Do not call the apps; only check that secrets are present, and record nothing (the last live check stands)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from status" -l json -d 'Print a JSON array'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -l field -d 'A non-secret value, such as a subdomain (repeatable)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -l secret-env -d 'Read the secret KEY from the environment variable VAR (repeatable)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -l secret-stdin -d 'Read the secret KEY from stdin (one key; the whole input, without the final newline)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -l scope -d 'OAuth2: request this scope instead of the app\'s defaults (repeatable)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -l port -d 'OAuth2: listen for the redirect on this port instead of a free one' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -l timeout -d 'OAuth2: give up waiting for the browser after SECS seconds' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -l no-browser -d 'OAuth2: do not open a browser; only print the authorization URL'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -l no-verify -d 'Save without checking the credentials with the app first'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -l json -d 'Print the resulting connection as JSON'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from reauthorize" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from delete" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from delete" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from delete" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Delete without asking'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from delete" -l no-revoke -d 'OAuth2: keep the token valid at the app (skip revocation)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from delete" -l json -d 'Print what was deleted as JSON: [{"id", "app", "name", "revoked"}]'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from rm" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from rm" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from rm" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Delete without asking'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from rm" -l no-revoke -d 'OAuth2: keep the token valid at the app (skip revocation)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from rm" -l json -d 'Print what was deleted as JSON: [{"id", "app", "name", "revoked"}]'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from rm" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from token" -l field -d 'Which secret field to print (Custom apps with several)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from token" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from token" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from token" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from token" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from token" -l json -d 'Print {"token", "expires_at", "expires_in", "connection"} as JSON, for credential helpers'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from token" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from token" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from token" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from token" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from move" -l to -d 'The store to move the secrets to' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from move" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from move" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from move" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from move" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from move" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from move" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from move" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from move" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from move" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from exec" -l env -d 'Set NAME to a connection\'s secret, or to one of its values with `.FIELD` (repeatable)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from exec" -l env-file -d 'Read `NAME=fourgent://app/name[/field]` lines from FILE (dotenv syntax; repeatable): a file a repository can commit' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from exec" -l min-valid -d 'Refresh tokens that would expire within DURATION before the program starts, and keep served tokens at least that fresh (90s, 5m, 1h)' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from exec" -l token-file -d 'Also keep each secret in an owner-only file in DIR, named like its variable and rewritten before it expires; NAME_FILE holds the path' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from exec" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from exec" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from exec" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from exec" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from exec" -l override -d 'Replace variables that are already set, and allow running inside another `exec`'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from exec" -l mask -d 'Replace each secret in the program\'s stdout and stderr with `***` (and print `::add-mask::` for each when GITHUB_ACTIONS=true)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from exec" -l no-verify -d 'Do not check the credentials with the apps before the program starts'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from exec" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from exec" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from exec" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from exec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from exec" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from log" -l limit -d 'Show at most this many events, the newest' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from log" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from log" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from log" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from log" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from log" -l json -d 'Print a JSON array'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from log" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from log" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from log" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from log" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a connection: choose the app, authenticate, name it'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from help" -f -a "list" -d 'List connections'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one connection in full'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from help" -f -a "status" -d 'Check connections for real and record the result'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from help" -f -a "reauthorize" -d 'Authenticate an existing connection again (new credentials after rotating a key, or a new OAuth2 grant)'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete connections and their secrets'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from help" -f -a "token" -d 'Print a connection\'s secret for a script'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from help" -f -a "move" -d 'Move connections\' secrets to another secret store'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from help" -f -a "exec" -d 'Run a program with connections\' credentials in its environment'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from help" -f -a "log" -d 'Show who did what to connections in the team store, and when'
complete -c fourgent -n "__fish_fourgent_using_subcommand c; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and not __fish_seen_subcommand_from list ls show set-secret help" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and not __fish_seen_subcommand_from list ls show set-secret help" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and not __fish_seen_subcommand_from list ls show set-secret help" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and not __fish_seen_subcommand_from list ls show set-secret help" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and not __fish_seen_subcommand_from list ls show set-secret help" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and not __fish_seen_subcommand_from list ls show set-secret help" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and not __fish_seen_subcommand_from list ls show set-secret help" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and not __fish_seen_subcommand_from list ls show set-secret help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and not __fish_seen_subcommand_from list ls show set-secret help" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and not __fish_seen_subcommand_from list ls show set-secret help" -f -a "list" -d 'List the apps fourgent can connect to'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and not __fish_seen_subcommand_from list ls show set-secret help" -f -a "ls" -d 'List the apps fourgent can connect to'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and not __fish_seen_subcommand_from list ls show set-secret help" -f -a "show" -d 'Show what fourgent knows about an app: auth, endpoints, scopes, credential fields, redirect rules'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and not __fish_seen_subcommand_from list ls show set-secret help" -f -a "set-secret" -d 'Store an app\'s OAuth client secret in the secret store'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and not __fish_seen_subcommand_from list ls show set-secret help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from list" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from list" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from list" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from list" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from list" -l json -d 'Print a JSON array'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from ls" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from ls" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from ls" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from ls" -l json -d 'Print a JSON array'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from show" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from show" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from show" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from show" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from show" -l json -d 'Print a JSON object'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from set-secret" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from set-secret" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from set-secret" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from set-secret" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from set-secret" -l delete -d 'Remove the stored client secret instead'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from set-secret" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from set-secret" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from set-secret" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from set-secret" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from set-secret" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the apps fourgent can connect to'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show what fourgent knows about an app: auth, endpoints, scopes, credential fields, redirect rules'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from help" -f -a "set-secret" -d 'Store an app\'s OAuth client secret in the secret store'
complete -c fourgent -n "__fish_fourgent_using_subcommand connectors; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and not __fish_seen_subcommand_from git help" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and not __fish_seen_subcommand_from git help" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and not __fish_seen_subcommand_from git help" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and not __fish_seen_subcommand_from git help" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and not __fish_seen_subcommand_from git help" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and not __fish_seen_subcommand_from git help" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and not __fish_seen_subcommand_from git help" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and not __fish_seen_subcommand_from git help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and not __fish_seen_subcommand_from git help" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and not __fish_seen_subcommand_from git help" -f -a "git" -d 'git\'s credential helper: a connection\'s token for git over https'
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and not __fish_seen_subcommand_from git help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and __fish_seen_subcommand_from git" -l connection -d 'The connection to answer with [default: the one Connected connection whose app declares the host]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and __fish_seen_subcommand_from git" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and __fish_seen_subcommand_from git" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and __fish_seen_subcommand_from git" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and __fish_seen_subcommand_from git" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and __fish_seen_subcommand_from git" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and __fish_seen_subcommand_from git" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and __fish_seen_subcommand_from git" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and __fish_seen_subcommand_from git" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and __fish_seen_subcommand_from git" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and __fish_seen_subcommand_from help" -f -a "git" -d 'git\'s credential helper: a connection\'s token for git over https'
complete -c fourgent -n "__fish_fourgent_using_subcommand credential; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -f -a "init" -d 'Create the team store\'s tables, or upgrade them to this version'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -f -a "status" -d 'Show the team store: where it is, its schema version, its key, counts'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -f -a "import" -d 'Move connections from this machine into the team store'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -f -a "export" -d 'Move connections from the team store to this machine'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -f -a "new-key" -d 'Print a new random team key (once), for `store set-key` or FOURGENT_STORE_KEY'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -f -a "set-key" -d 'Keep the team key in this machine\'s OS keychain'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -f -a "rotate-key" -d 'Re-encrypt every secret in the team store under a new key'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and not __fish_seen_subcommand_from init status import export new-key set-key rotate-key help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from init" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from init" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from init" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from init" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from init" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from init" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from status" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from status" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from status" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from status" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from status" -l json -d 'Print a JSON object'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from import" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from import" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from import" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from import" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from import" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from export" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from export" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from export" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from export" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from export" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from new-key" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from new-key" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from new-key" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from new-key" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from new-key" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from new-key" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from new-key" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from new-key" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from new-key" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from set-key" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from set-key" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from set-key" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from set-key" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from set-key" -l delete -d 'Remove the team key from the keychain instead'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from set-key" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from set-key" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from set-key" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from set-key" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from set-key" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from rotate-key" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from rotate-key" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from rotate-key" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from rotate-key" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from rotate-key" -l generate -d 'Make a new random key, and print it once on stdout'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from rotate-key" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from rotate-key" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from rotate-key" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from rotate-key" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from rotate-key" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "init" -d 'Create the team store\'s tables, or upgrade them to this version'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the team store: where it is, its schema version, its key, counts'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "import" -d 'Move connections from this machine into the team store'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "export" -d 'Move connections from the team store to this machine'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "new-key" -d 'Print a new random team key (once), for `store set-key` or FOURGENT_STORE_KEY'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "set-key" -d 'Keep the team key in this machine\'s OS keychain'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "rotate-key" -d 'Re-encrypt every secret in the team store under a new key'
complete -c fourgent -n "__fish_fourgent_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fourgent -n "__fish_fourgent_using_subcommand generate" -l out-dir -d 'The repository root: completions/ and man/ are written below it' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand generate" -l config-dir -d 'Where connections.toml, connectors.toml and secrets.toml live [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]' -r -F
complete -c fourgent -n "__fish_fourgent_using_subcommand generate" -l secret-store -d 'Where secrets are kept: the OS keychain, or an owner-only secrets.toml in the config dir (opt in for headless machines and CI)' -r -f -a "keyring\t'The OS keychain (Secret Service, Keychain, Credential Manager)'
file\t'secrets.toml in the config dir, readable by you only'"
complete -c fourgent -n "__fish_fourgent_using_subcommand generate" -l store -d 'A team store to keep connections in, shared with your team and CI: a `postgres://` URL [default: `store` in config.toml, else this machine\'s connections.toml and keychain]' -r
complete -c fourgent -n "__fish_fourgent_using_subcommand generate" -l color -d 'When to use colour [default: auto, or never when NO_COLOR is set]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fourgent -n "__fish_fourgent_using_subcommand generate" -l no-input -d 'Never prompt; fail with the option to pass instead (implied when stdin is not a terminal or CI is set)'
complete -c fourgent -n "__fish_fourgent_using_subcommand generate" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c fourgent -n "__fish_fourgent_using_subcommand generate" -s q -l quiet -d 'Say less on stderr: only warnings and errors'
complete -c fourgent -n "__fish_fourgent_using_subcommand generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fourgent -n "__fish_fourgent_using_subcommand generate" -s V -l version -d 'Print version'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and not __fish_seen_subcommand_from connections connectors credential store generate help" -f -a "connections" -d 'Add, list, check, re-authorize and delete connections'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and not __fish_seen_subcommand_from connections connectors credential store generate help" -f -a "connectors" -d 'The apps fourgent can connect to'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and not __fish_seen_subcommand_from connections connectors credential store generate help" -f -a "credential" -d 'Hand connections\' tokens to other tools (git)'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and not __fish_seen_subcommand_from connections connectors credential store generate help" -f -a "store" -d 'Set up a team store (PostgreSQL) and move connections into it'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and not __fish_seen_subcommand_from connections connectors credential store generate help" -f -a "generate" -d 'Write shell completions and man pages (for packaging)'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and not __fish_seen_subcommand_from connections connectors credential store generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from connections" -f -a "add" -d 'Add a connection: choose the app, authenticate, name it'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from connections" -f -a "list" -d 'List connections'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from connections" -f -a "show" -d 'Show one connection in full'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from connections" -f -a "status" -d 'Check connections for real and record the result'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from connections" -f -a "reauthorize" -d 'Authenticate an existing connection again (new credentials after rotating a key, or a new OAuth2 grant)'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from connections" -f -a "delete" -d 'Delete connections and their secrets'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from connections" -f -a "token" -d 'Print a connection\'s secret for a script'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from connections" -f -a "move" -d 'Move connections\' secrets to another secret store'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from connections" -f -a "exec" -d 'Run a program with connections\' credentials in its environment'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from connections" -f -a "log" -d 'Show who did what to connections in the team store, and when'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from connectors" -f -a "list" -d 'List the apps fourgent can connect to'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from connectors" -f -a "show" -d 'Show what fourgent knows about an app: auth, endpoints, scopes, credential fields, redirect rules'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from connectors" -f -a "set-secret" -d 'Store an app\'s OAuth client secret in the secret store'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from credential" -f -a "git" -d 'git\'s credential helper: a connection\'s token for git over https'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "init" -d 'Create the team store\'s tables, or upgrade them to this version'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "status" -d 'Show the team store: where it is, its schema version, its key, counts'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "import" -d 'Move connections from this machine into the team store'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "export" -d 'Move connections from the team store to this machine'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "new-key" -d 'Print a new random team key (once), for `store set-key` or FOURGENT_STORE_KEY'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "set-key" -d 'Keep the team key in this machine\'s OS keychain'
complete -c fourgent -n "__fish_fourgent_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "rotate-key" -d 'Re-encrypt every secret in the team store under a new key'
