#!/usr/bin/env bash
# benches/setup.sh — install what the benchmarks need (Debian/Ubuntu), once.
#
# Idempotent: installs only the packages whose command is missing, and runs
# `apt-get update` only when something has to be installed.
#
#   benches/setup.sh            what benches/run needs
#   benches/setup.sh --profile  also perf and valgrind (benches/profile)
#
# Needs root or sudo when something is missing; does nothing otherwise.
set -euo pipefail

# command -> Debian package
declare -A want=(
    [hyperfine]=hyperfine
    [/usr/bin/time]=time
    [rclone]=rclone
    [python3]=python3
    [dbus-run-session]=dbus
    [gnome-keyring-daemon]=gnome-keyring
    [secret-tool]=libsecret-tools
    [psql]=postgresql-client
    [openssl]=openssl
    [cargo]=""
)
if [[ ${1:-} == --profile ]]; then
    want[perf]=linux-perf
    want[valgrind]=valgrind
fi

missing=()
for cmd in "${!want[@]}"; do
    if [[ $cmd == /* ]]; then
        [[ -x $cmd ]] && continue
    else
        command -v "$cmd" >/dev/null 2>&1 && continue
    fi
    if [[ -z ${want[$cmd]} ]]; then
        echo "setup.sh: '$cmd' not found and not installable here (install Rust: https://rustup.rs)" >&2
        exit 1
    fi
    missing+=("${want[$cmd]}")
done

# The team-store rows' server (initdb, pg_ctl, postgres): not on PATH in Debian.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)

if ((${#missing[@]} == 0)); then
    exit 0
fi

mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
echo "setup.sh: installing ${missing[*]}" >&2
sudo=()
if ((EUID != 0)); then
    command -v sudo >/dev/null 2>&1 || {
        echo "setup.sh: need root (or sudo) to install: ${missing[*]}" >&2
        exit 1
    }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >&2
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
