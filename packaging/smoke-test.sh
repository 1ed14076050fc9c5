#!/usr/bin/env bash
# Smoke test of Veil as installed: builds the Linux app image (mvn -Ppackage, image only), then
# runs its launcher against a local DynamoDB (dynalite): --version (with its start-up archive), tables, demo --seed-only,
# sample, drift, and demo from a copy outside the checkout with Node.js missing (must say so).
#
#   packaging/smoke-test.sh              build the app image, then test it
#   VEIL_APP_IMAGE=DIR packaging/smoke-test.sh   test an existing app image, no build
#
# Needs JDK 17+ (jpackage), Maven, Node.js 20+ and npm. Exits non-zero on the first failure,
# always stopping dynalite and removing its temporary folders.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

PID=""
TMP=$(mktemp -d "${TMPDIR:-/tmp}/veil-smoke.XXXXXX")
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { printf '\n== %s\n' "$*" >&2; }
fail() { printf 'smoke test FAILED: %s\n' "$*" >&2; exit 1; }

# Runs VEIL with the given arguments; fails unless it exits with EXPECTED. Output goes to $OUT/$ERR.
OUT="$TMP/out" ERR="$TMP/err"
expect_exit() {
  local expected=$1; shift
  local rc=0
  "$VEIL" "$@" >"$OUT" 2>"$ERR" || rc=$?
  sed 's/^/  | /' "$OUT" | head -n 25 >&2
  if [ "$rc" -ne "$expected" ]; then
    sed 's/^/  ! /' "$ERR" | tail -n 25 >&2
    fail "veil $* exited with $rc, expected $expected"
  fi
}
expect_out() { grep -q -- "$1" "$OUT" || fail "stdout lacks '$1'"; }
expect_err() { grep -q -- "$1" "$ERR" || fail "stderr lacks '$1'"; }

START=$(date +%s)
VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)

if [ -n "${VEIL_APP_IMAGE:-}" ]; then
  IMAGE=$VEIL_APP_IMAGE
else
  step "build the app image (mvn -Ppackage package, image only)"
  mvn -q -B -Ppackage package -DskipTests -Djpackage.installer=none
  IMAGE=$ROOT/target/jpackage/veil
fi
VEIL=$IMAGE/bin/veil
[ -x "$VEIL" ] || fail "no launcher at $VEIL"

step "start a local DynamoDB (dynalite)"
DYNALITE=packaging/local-dynamodb/node_modules/dynalite/cli.js
if [ ! -f "$DYNALITE" ]; then
  (cd packaging/local-dynamodb && npm ci --no-audit --no-fund --loglevel=error)
fi
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
node "$DYNALITE" --host 127.0.0.1 --port "$PORT" >"$TMP/dynalite.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  kill -0 "$PID" 2>/dev/null || { cat "$TMP/dynalite.log" >&2; fail "dynalite exited while starting"; }
  sleep 0.1
done
ENDPOINT=http://127.0.0.1:$PORT
echo "  $ENDPOINT" >&2
WORKSPACE=$TMP/workspace
# Nothing from the caller's settings; nothing written to the caller's ~/.veil.
unset AWS_ENDPOINT_URL_DYNAMODB AWS_PROFILE VEIL_POLICIES || true
export VEIL_WORKSPACE=$WORKSPACE

step "veil --version"
expect_exit 0 --version
expect_out "veil $VERSION"

step "veil --version maps the start-up archive (-Xshare:on refuses to start otherwise)"
[ -f "$IMAGE/lib/app/veil.jsa" ] || fail "no start-up archive at $IMAGE/lib/app/veil.jsa"
JAVA_TOOL_OPTIONS=-Xshare:on expect_exit 0 --version
expect_out "veil "
# The archive was trained on an export too (packaging/linux/cds-training.sh), not on tables alone.
for c in dev/veil/dynamo/JsonRecords dev/veil/dynamo/IonRecords dev/veil/inference/ProfileAccumulator dev/veil/workspace/FreshSchema; do
  grep -qx "$c" "$IMAGE/lib/app/veil.classlist" || fail "the start-up archive's class list lacks $c"
done

step "veil tables (empty)"
expect_exit 0 tables --endpoint "$ENDPOINT"

step "veil demo --seed-only"
expect_exit 0 demo --seed-only --endpoint "$ENDPOINT"
expect_out "Seeded"

step "veil tables"
expect_exit 0 tables --endpoint "$ENDPOINT"
for t in users orders app_data; do expect_out "$t"; done

step "veil sample users --items 50"
expect_exit 0 sample users --items 50 --endpoint "$ENDPOINT"
expect_out "password"

step "veil drift users (CI gate, against the repository's demo policies)"
expect_exit 0 drift users --format json --fail-on never --endpoint "$ENDPOINT" \
  --policies "$ROOT/policies"
expect_out '"findings"'

step "veil demo from a copy outside the checkout, without Node.js on PATH"
cp -R "$IMAGE" "$TMP/installed"
rc=0
# Java takes user.home from the password database, not $HOME: point it at a scratch folder.
(cd "$TMP" && PATH=/nonexistent JAVA_TOOL_OPTIONS="-Duser.home=$TMP/home" \
  "$TMP/installed/bin/veil" demo --no-console --workspace "$TMP/home/.veil") \
  >"$OUT" 2>"$ERR" </dev/null || rc=$?
sed 's/^/  ! /' "$ERR" | tail -n 5 >&2
[ "$rc" -eq 3 ] || fail "veil demo without Node.js exited with $rc, expected 3"
expect_err "Node.js"
[ -f "$TMP/home/.veil/local-dynamodb/package-lock.json" ] \
  || fail "veil demo did not write its local DynamoDB package to ~/.veil/local-dynamodb"

printf '\nsmoke test passed: %s in %ss (app image %s, %s)\n' "$VEIL" "$(( $(date +%s) - START ))" \
  "$(du -sh "$IMAGE" | cut -f1)" "$("$VEIL" --version | head -n 1)" >&2
