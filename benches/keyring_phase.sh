#!/usr/bin/env bash
# benches/keyring_phase.sh BIN CONFIG_DIR OUT_DIR WARMUP RUNS [STATUS_DIR STATUS_RUNS]
#
# The keychain part of benches/run. Must run on a private Secret Service
# (scripts/with-keyring). It:
#  - adds one Custom connection with the keychain store (`add --no-verify`,
#    key on stdin) to CONFIG_DIR and checks that `token` prints it back;
#  - times `token`, and as a floor libsecret's `secret-tool lookup` of the
#    same entry, and `connections exec` of that connection running `true`
#    next to `true` alone (OUT_DIR/token.json), and writes the max RSS of
#    `token` in KiB to OUT_DIR/rss;
#  - with STATUS_DIR (a store of Custom `acme` connections, made by
#    gen_data.py): stores a secret for each of its connections in the keychain
#    with secret-tool, and times `status --offline` (secrets read from the
#    keychain one by one, no HTTP) into OUT_DIR/status-offline.json.
set -euo pipefail
bin=$1 dir=$2 out=$3 warmup=$4 runs=$5 status_dir=${6:-} status_runs=${7:-3}
[[ -n ${DBUS_SESSION_BUS_ADDRESS:-} ]] || { echo "keyring_phase.sh: no D-Bus session (run it inside scripts/with-keyring)" >&2; exit 2; }
unset FOURGENT_SECRET_STORE

key=bench-token-$RANDOM$RANDOM
printf '%s\n' "$key" | "$bin" --config-dir "$dir" connections add acme --name tok \
    --secret-stdin api_key --no-verify --json >"$out/add.json"
id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$out/add.json")
got=$("$bin" --config-dir "$dir" connections token acme/tok)
[[ $got == "$key" ]] || { echo "keyring_phase.sh: token printed '$got', expected the stored key" >&2; exit 1; }
got=$(secret-tool lookup service fourgent username "$id" 2>/dev/null || true)
lookup=(secret-tool lookup service fourgent username "$id")
if [[ $got != *"$key"* ]]; then
    echo "keyring_phase.sh: secret-tool does not find the entry by service/username; floor row skipped" >&2
    lookup=(true)
fi

true_bin=$(command -v true)
hyperfine -N --style basic --warmup "$warmup" --runs "$runs" --output pipe \
    --export-json "$out/token.json" \
    -n "token keychain" "$bin --config-dir $dir connections token acme/tok" \
    -n "secret-tool lookup" "${lookup[*]}" \
    -n "exec keychain" "$bin --config-dir $dir connections exec acme/tok --no-verify -- $true_bin" \
    -n "program alone" "$true_bin"

rss=0
for _ in 1 2 3; do
    /usr/bin/time -v -o "$out/time-v.txt" "$bin" --config-dir "$dir" connections token acme/tok >/dev/null
    r=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/time-v.txt")
    ((r > rss)) && rss=$r
done
echo "$rss" >"$out/rss"

if [[ -n $status_dir ]]; then
    # One keychain entry per connection, as `add` stores it.
    n=0
    while read -r cid; do
        printf '{"fields":{"api_key":"key-%s"}}' "$cid" |
            secret-tool store --label="fourgent $cid" service fourgent username "$cid"
        n=$((n + 1))
    done < <(sed -n 's/^id = "\(c_[a-z0-9]*\)"$/\1/p' "$status_dir/connections.toml")
    echo "stored $n secrets in the keychain"
    # `status --offline` keeps a stored Not Connected (and then exits 5):
    # every connection here is Connected, so the row times the reads and a
    # failure still fails it.
    sed -i 's/^status = "not_connected"$/status = "connected"/' "$status_dir/connections.toml"
    hyperfine -N --style basic --warmup 1 --runs "$status_runs" --output pipe \
        --export-json "$out/status-offline.json" \
        -n "status offline keychain" "$bin --config-dir $status_dir connections status --offline"
fi
