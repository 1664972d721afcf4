#!/usr/bin/env bash
# The central service's production install, as a deployment makes it (docs/central-deployment.md),
# checked end to end: build it to JavaScript, copy only what a server receives (the root and
# workspace package files, the lockfile, src/central/dist) into an empty folder, install the
# workspace's production dependencies there (`npm ci --omit=dev --workspace src/central` — nothing
# of the desktop app), start it with `node` on a fresh PostgreSQL database, and ask it for its
# health, an office, an enrollment code and an enrollment, and for the provincial console's page
# (/console) and one of its assets, built into dist/console and served with its CSP. Needs TEST_DATABASE_URL (a server the
# script may create a database on: scripts/postgres-test.sh). Run by .ci/run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
: "${TEST_DATABASE_URL:?TEST_DATABASE_URL must name a PostgreSQL server (eval \"\$(bash scripts/postgres-test.sh)\")}"

work="$(mktemp -d)"
pid=""
db="fo_central_prod_$$"
psql_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -1)/psql"
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  "$psql_bin" "$TEST_DATABASE_URL" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$root" && npm run central:build --silent)
mkdir -p "$work/src/central"
cp "$root/package.json" "$root/package-lock.json" "$work/"
cp "$root/src/central/package.json" "$work/src/central/"
cp -r "$root/src/central/dist" "$work/src/central/dist"
(cd "$work" && npm ci --omit=dev --workspace src/central --no-audit --no-fund --loglevel=error)
for desktop in better-sqlite3-multiple-ciphers electron electron-updater react antd esbuild typescript; do
  if [ -e "$work/node_modules/$desktop" ]; then echo "central-production-check: $desktop was installed" >&2; exit 1; fi
done

"$psql_bin" "$TEST_DATABASE_URL" -qc "CREATE DATABASE $db" >/dev/null
export DATABASE_URL="${TEST_DATABASE_URL%/*}/$db"
central="$work/src/central/dist/cli.js"
node "$central" admin create-office --data "$work/data" --code PROD01 --name "BHXH kiểm tra" --province 01 >/dev/null
code="$(node "$central" admin enroll-code --data "$work/data" --office PROD01)"

node "$central" serve --data "$work/data" --port 0 >"$work/serve.log" 2>&1 &
pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's/^\[central\] listening on \(http[^ ]*\) .*/\1/p' "$work/serve.log")"
  [ -n "$url" ] && break
  sleep 0.2
done
[ -n "$url" ] || { echo "central-production-check: the service did not start" >&2; cat "$work/serve.log" >&2; exit 1; }

# node's own fetch, so the check needs nothing but node on the machine.
fetch_text() { node -e 'fetch(process.argv[1], process.argv[2] ? { method: "POST", headers: { "content-type": "application/json" }, body: process.argv[2] } : {}).then(async (r) => { const t = await r.text(); if (!r.ok) { console.error(r.status, t); process.exit(1); } console.log(t); })' "$@"; }
health="$(fetch_text "${url}healthz")"
[ "$health" = '{"ok":true,"database":"postgres"}' ] || { echo "central-production-check: health $health" >&2; exit 1; }
key="$(node -e "console.log(require('node:crypto').randomBytes(32).toString('base64'))")"
enrolled="$(fetch_text "${url}v1/enroll" "{\"code\":\"$code\",\"publicKey\":\"$key\",\"deviceName\":\"kiểm tra\"}")"
case "$enrolled" in
  *'"officeCode":"PROD01"'*) ;;
  *) echo "central-production-check: enrollment answered $enrolled" >&2; exit 1 ;;
esac
# The provincial console: its page (with its CSP) names its hashed script, served with a year's cache.
node -e '
const base = process.argv[1];
(async () => {
  const page = await fetch(base + "console");
  const html = await page.text();
  if (!page.ok || !/script-src .self./.test(page.headers.get("content-security-policy") ?? "")) throw new Error(`/console: ${page.status} ${page.headers.get("content-security-policy")}`);
  const asset = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!asset) throw new Error("/console names no script: " + html.slice(0, 200));
  const script = await fetch(new URL(asset, base));
  if (!script.ok || !/immutable/.test(script.headers.get("cache-control") ?? "") || (await script.text()).length < 1000) throw new Error(`${asset}: ${script.status} ${script.headers.get("cache-control")}`);
})().catch((e) => { console.error("central-production-check: console", e.message); process.exit(1); });
' "$url"
echo "central-production-check: built, installed with --omit=dev ($(ls "$work/node_modules" | wc -l) packages), served on PostgreSQL — ok"
