#!/usr/bin/env python3
"""Generates fourgent and rclone data sets for the benchmarks.

Writes files directly (much faster than calling `fourgent connections add`
thousands of times). Deterministic: the same N gives the same files.

  gen_data.py store DIR N [--apps acme|mixed|multi] [--secrets] [--check-url URL]
                          [--multi-apps K] [--max-concurrency M]
  gen_data.py rclone FILE N

`team_rows` gives the same connections as the team store keeps them (one
JSON object per row), for loading a team store with SQL.

`store` writes DIR/connections.toml (N connections), DIR/connectors.toml (the
Custom app `acme`, checked at --check-url), and with --secrets an owner-only
DIR/secrets.toml with one secret per connection (the file store). With
`--apps multi` the connections are spread over K Custom apps `app-1` … `app-K`,
each with `max_concurrency = M` and checked at --check-url with `/app-<k>`
put before its path (`http://127.0.0.1:9/app-2/whoami`).
"""

import argparse
import os
import random
import sys

ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
# A realistic mix of apps from the built-in catalog (plus the Custom `acme`).
MIXED_APPS = [
    ("acme", "custom"),
    ("hubspot", "oauth2"),
    ("stripe", "custom"),
    ("slack", "oauth2"),
    ("visma-economic", "custom"),
    ("quickbooks", "oauth2"),
    ("github-pat", "custom"),
    ("xero", "oauth2"),
    ("pipedrive-api-token", "custom"),
    ("zendesk-api-token", "custom"),
]
STAMP = "2026-11-21T10:00:00Z"
CHECKED = "2026-11-21T11:30:00Z"


def ids(n, seed=4242):
    """N unique connection IDs: c_ + 8 characters of the ID alphabet."""
    rng = random.Random(seed)
    seen = set()
    out = []
    while len(out) < n:
        i = "c_" + "".join(rng.choice(ALPHABET) for _ in range(8))
        if i not in seen:
            seen.add(i)
            out.append(i)
    return out


def connectors_toml(check_url):
    return f"""[connectors.acme]
name = "Acme"
auth = "custom"
check_url = "{check_url}"

[[connectors.acme.fields]]
key = "api_key"
label = "API key"
secret = true
header = "X-Api-Key"
"""


def multi_connectors_toml(check_url, k, max_concurrency):
    scheme, rest = check_url.split("://", 1)
    host, path = rest.split("/", 1)
    return "".join(
        connectors_toml(f"{scheme}://{host}/app-{i}/{path}")
        .replace("[connectors.acme]", f"[connectors.app-{i}]")
        .replace("[[connectors.acme.fields]]", f"[[connectors.app-{i}.fields]]")
        .replace('name = "Acme"', f'name = "App {i}"\nmax_concurrency = {max_concurrency}')
        + "\n"
        for i in range(1, k + 1)
    )


def app_of(k, apps="mixed", multi_apps=5):
    """(app, auth) of connection k (0-based)."""
    if apps == "acme":
        return "acme", "custom"
    if apps == "multi":
        return f"app-{k % multi_apps + 1}", "custom"
    return MIXED_APPS[k % len(MIXED_APPS)]


def connections_toml(n, apps="mixed", multi_apps=5):
    """The text of connections.toml with n connections.

    Every connection has an account, one non-secret field and a last check,
    as a store looks after a `status` run; one in ten is Not Connected.
    """
    parts = ["version = 1\n"]
    for k, cid in enumerate(ids(n)):
        app, auth = app_of(k, apps, multi_apps)
        bad = k % 10 == 9
        parts.append(
            f"""
[[connections]]
id = "{cid}"
name = "conn-{k + 1}"
app = "{app}"
auth = "{auth}"
status = "{'not_connected' if bad else 'connected'}"
created_at = "{STAMP}"
updated_at = "{STAMP}"
account = "Account {k + 1} Inc"

[connections.fields]
region = "eu"

[connections.last_check]
at = "{CHECKED}"
result = "{'rejected' if bad else 'ok'}"
"""
        )
        if bad:
            parts.append('reason = "Acme rejected the credentials (HTTP 401)"\n')
    return "".join(parts)


def team_rows(n, apps="mixed", multi_apps=5):
    """The connections of `connections_toml(n)` as the team store keeps them:
    (id, app, name, meta), meta being the JSON object fourgent writes for
    the connection (src/team/metadata.rs: serde_json of the connection)."""
    rows = []
    for k, cid in enumerate(ids(n)):
        app, auth = app_of(k, apps, multi_apps)
        bad = k % 10 == 9
        check = {"at": CHECKED, "result": "rejected" if bad else "ok"}
        if bad:
            check["reason"] = "Acme rejected the credentials (HTTP 401)"
        name = f"conn-{k + 1}"
        rows.append((cid, app, name, {
            "id": cid, "name": name, "app": app, "auth": auth,
            "status": "not_connected" if bad else "connected",
            "created_at": STAMP, "updated_at": STAMP, "account": f"Account {k + 1} Inc",
            "fields": {"region": "eu"}, "last_check": check,
        }))
    return rows


def secrets_toml(n):
    lines = ["version = 1\n\n[secrets]\n"]
    for k, cid in enumerate(ids(n)):
        lines.append(f'{cid} = "{{\\"fields\\":{{\\"api_key\\":\\"key-{k + 1}\\"}}}}"\n')
    return "".join(lines)


def write(path, text, mode=0o600):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.chmod(path, mode)


def write_store(d, n, apps="mixed", with_secrets=False, check_url="http://127.0.0.1:9/whoami",
                multi_apps=5, max_concurrency=8):
    os.makedirs(d, mode=0o700, exist_ok=True)
    os.chmod(d, 0o700)
    write(os.path.join(d, "connections.toml"), connections_toml(n, apps, multi_apps))
    if apps == "multi":
        write(os.path.join(d, "connectors.toml"), multi_connectors_toml(check_url, multi_apps, max_concurrency))
    else:
        write(os.path.join(d, "connectors.toml"), connectors_toml(check_url))
    if with_secrets:
        write(os.path.join(d, "secrets.toml"), secrets_toml(n))


def write_exec_store(d, check_url="http://127.0.0.1:9/whoami"):
    """A store for `connections exec`: acme/conn-1 (Custom, file store) and
    idp/oauth (OAuth2, a valid token until 2099, so no refresh is due; the
    `idp` connector points at 127.0.0.1:9, which is never asked)."""
    write_store(d, 1, apps="acme", with_secrets=True, check_url=check_url)
    oid = "c_exec2bch"
    with open(os.path.join(d, "connections.toml"), "a") as f:
        f.write(f"""
[[connections]]
id = "{oid}"
name = "oauth"
app = "idp"
auth = "oauth2"
status = "connected"
created_at = "{STAMP}"
updated_at = "{STAMP}"
expires_at = "2099-01-01T00:00:00Z"
""")
    with open(os.path.join(d, "connectors.toml"), "a") as f:
        f.write("""
[connectors.idp]
name = "Bench IdP"
auth = "oauth2"
authorize_url = "http://127.0.0.1:9/auth"
token_url = "http://127.0.0.1:9/token"
client_id = "bench"
""")
    token = ('{\\"token\\":{\\"obtained_at\\":\\"2026-11-21T10:00:00Z\\",\\"access_token\\":\\"bench-access-token\\",'
             '\\"refresh_token\\":\\"bench-refresh-token\\",\\"expires_at\\":\\"2099-01-01T00:00:00Z\\"}}')
    with open(os.path.join(d, "secrets.toml"), "a") as f:
        f.write(f'{oid} = "{token}"\n')


def idp_connector_toml(token_url):
    """The OAuth2 app `idp`, whose token endpoint is TOKEN_URL (a public
    client: no client secret)."""
    base = token_url.rsplit("/", 1)[0]
    return f"""
[connectors.idp]
name = "Bench IdP"
auth = "oauth2"
authorize_url = "{base}/auth"
token_url = "{token_url}"
client_id = "bench"
"""


def write_due_oauth(d, cid, name, token_url):
    """A file store in D with one OAuth2 connection `idp/NAME` (ID CID) whose
    access token expired long ago and whose refresh token is
    `bench-seed-rt-CID` (what slow_server.py's token endpoint takes once)."""
    os.makedirs(d, mode=0o700, exist_ok=True)
    os.chmod(d, 0o700)
    write(os.path.join(d, "connectors.toml"), idp_connector_toml(token_url))
    write(os.path.join(d, "connections.toml"), f"""version = 1

[[connections]]
id = "{cid}"
name = "{name}"
app = "idp"
auth = "oauth2"
status = "connected"
created_at = "{STAMP}"
updated_at = "{STAMP}"
expires_at = "2001-01-01T00:00:00Z"
""")
    token = (f'{{\\"token\\":{{\\"obtained_at\\":\\"2000-12-31T23:00:00Z\\",\\"access_token\\":\\"bench-seed-at-{cid}\\",'
             f'\\"refresh_token\\":\\"bench-seed-rt-{cid}\\",\\"expires_at\\":\\"2001-01-01T00:00:00Z\\"}}}}')
    write(os.path.join(d, "secrets.toml"), f'version = 1\n\n[secrets]\n{cid} = "{token}"\n')


def write_rclone(path, n):
    write(path, "".join(f"[remote{k + 1}]\ntype = local\n\n" for k in range(n)))


def main(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="what", required=True)
    s = sub.add_parser("store")
    s.add_argument("dir")
    s.add_argument("n", type=int)
    s.add_argument("--apps", choices=["acme", "mixed", "multi"], default="mixed")
    s.add_argument("--secrets", action="store_true")
    s.add_argument("--check-url", default="http://127.0.0.1:9/whoami")
    s.add_argument("--multi-apps", type=int, default=5)
    s.add_argument("--max-concurrency", type=int, default=8)
    r = sub.add_parser("rclone")
    r.add_argument("file")
    r.add_argument("n", type=int)
    a = p.parse_args(argv)
    if a.what == "store":
        write_store(a.dir, a.n, a.apps, a.secrets, a.check_url, a.multi_apps, a.max_concurrency)
    else:
        write_rclone(a.file, a.n)


if __name__ == "__main__":
    main(sys.argv[1:])
