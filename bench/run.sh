#!/usr/bin/env bash
# Measures the app at scale and writes docs/benchmarks.md (see bench/README.md):
#   bench/run.sh [--db sqlite|postgres|both] [--scale national|province|small|demo] [--duration S] [--warmup S] [--fresh]
#                [--case NAME]... [--doc FILE]
# 1. builds the app, the command line and the load runner in Release;
# 2. prepares each database once (`steerco db migrate` and `steerco demo generate`, timed) and keeps
#    it under bench/data/ for the next run: a SQLite file, or a database in a throwaway PostgreSQL
#    server (scripts/pg-throwaway.sh) whose folder stays there and which is stopped at the end;
# 3. per database: starts the app from the Release build on 127.0.0.1, waits for /healthz, runs
#    bench/SteerCo.Bench against it, stops it;
# 4. writes docs/benchmarks.md.
# --fresh generates again even when a prepared database exists. --scale demo uses `demo seed`
# (eight committees) instead of the generator: a quick check that everything runs.
# --case measures only the cases named (repeatable); --doc writes another file than docs/benchmarks.md
# (with --case, so that a partial run does not replace the full one).
# BENCH_APP_PORT and BENCH_PG_PORT choose the ports (default: the first free from 26550 and 26500).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

engines=both
scale=national
duration=10
warmup=3
fresh=
seed=42
case_args=()
doc=docs/benchmarks.md
usage() {
  echo "usage: bench/run.sh [--db sqlite|postgres|both] [--scale national|province|small|demo] [--duration S] [--warmup S] [--fresh] [--case NAME]... [--doc FILE]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --db) engines=${2:-}; shift 2 ;;
    --scale) scale=${2:-}; shift 2 ;;
    --duration) duration=${2:-}; shift 2 ;;
    --warmup) warmup=${2:-}; shift 2 ;;
    --fresh) fresh=yes; shift ;;
    --case) [ -n "${2:-}" ] || usage; case_args+=(--case "$2"); shift 2 ;;
    --doc) doc=${2:-}; shift 2 ;;
    -h | --help) usage ;;
    *) usage ;;
  esac
done
case "$engines" in sqlite) engines=(sqlite) ;; postgres) engines=(postgres) ;; both) engines=(sqlite postgres) ;; *) usage ;; esac
case "$scale" in national | province | small | demo) ;; *) usage ;; esac
[[ "$duration" =~ ^[0-9]+(\.[0-9]+)?$ && "$warmup" =~ ^[0-9]+(\.[0-9]+)?$ ]] || usage

data=$root/bench/data
pg_root=$data/pg
# The generated users share this password; the administrator has its own.
password=BenchPass2025x
admin_password=BenchAdmin2025x
bin=$root/artifacts/bin
mkdir -p "$data"

step() { printf '\n==> %s\n' "$*" >&2; }
die() {
  echo "bench/run.sh: $*" >&2
  exit 1
}
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Other checkouts' servers come and go on this machine: without a chosen port, take the first free one from a default.
choose_port() {
  local chosen=$1 default=$2 port
  if [ -n "$chosen" ]; then
    port_in_use "$chosen" && die "port $chosen is taken"
    echo "$chosen"
    return
  fi
  for port in $(seq "$default" $((default + 40))); do
    port_in_use "$port" || { echo "$port"; return; }
  done
  die "no free port from $default to $((default + 40))"
}
seconds_since() { awk -v s="$1" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f", e - s }'; }

# Everything started here is stopped on the way out, whatever the way out is.
app_pid=
runner_pid=
pg_started=
scratch=$(mktemp -d)
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=
}
cleanup() {
  if [ -n "$runner_pid" ]; then kill "$runner_pid" 2>/dev/null || true; fi
  stop_app
  if [ -n "$pg_started" ]; then scripts/pg-throwaway.sh stop "$pg_root" || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

app_port=
pg_port=

# 1. Build ----------------------------------------------------------------------
step "Build (Release)"
for project in src/SteerCo.Web src/SteerCo.Cli bench/SteerCo.Bench; do
  dotnet build "$project" -c Release -v quiet -nologo >"$scratch/build.log" 2>&1 || { cat "$scratch/build.log" >&2; die "build of $project failed"; }
done
web=$bin/SteerCo.Web/release/SteerCo.Web
steerco=$bin/SteerCo.Cli/release/steerco
runner=$bin/SteerCo.Bench/release/SteerCo.Bench

# 2. Databases ------------------------------------------------------------------
# A prepared database is kept for the generator that made it: its name carries a hash of the
# generator's sources (src/SteerCo/Demo and the units it builds on), so a change there prepares a
# new one. A kept database is migrated to the current schema before each run (new migrations,
# indexes included, apply to it as they would to a production database). Uncommitted changes
# do not count: use --fresh.
code_key=$(git rev-parse HEAD:src/SteerCo/Demo HEAD:src/SteerCo/Units 2>/dev/null | sha1sum | cut -c1-8)
dataset=$scale-seed$seed-$code_key

psql_admin() { PGPASSWORD=postgres psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qtAX "$@"; }

connection_for() {
  case "$1" in
    sqlite) echo "Data Source=$data/sqlite-$dataset.db" ;;
    postgres) echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=postgres;Database=steerco_${dataset//-/_}" ;;
  esac
}

database_exists() {
  case "$1" in
    sqlite) [ -f "$data/sqlite-$dataset.db" ] ;;
    postgres) [ "$(psql_admin -c "select 1 from pg_database where datname = 'steerco_${dataset//-/_}'")" = 1 ] ;;
  esac
}

drop_databases() {
  case "$1" in
    # Older data sets of this scale too: a national SQLite file is large.
    sqlite) rm -f "$data/sqlite-$scale-seed$seed-"*.db* "$data/sqlite-$scale-seed$seed-"*.txt && rm -rf "$data/files-sqlite" ;;
    postgres)
      local name
      for name in $(psql_admin -c "select datname from pg_database where datname like 'steerco_${scale}_seed${seed}_%'"); do
        psql_admin -c "drop database \"$name\" with (force)"
      done
      rm -f "$data/postgres-$scale-seed$seed-"*.txt
      rm -rf "$data/files-postgres"
      ;;
  esac
}

# A production database is vacuumed and analyzed after a bulk load; so is a generated one.
analyze() {
  local start
  step "$1: db analyze"
  start=$EPOCHREALTIME
  "$steerco" --lang en --provider "$1" --connection "$(connection_for "$1")" db analyze >"$scratch/analyze.log" 2>&1 || { cat "$scratch/analyze.log" >&2; die "$1: db analyze failed"; }
  echo "analyze seconds: $(seconds_since "$start")"
}

# Migrates and generates, timed; the command's output and the times are kept beside the data.
prepare() {
  local engine=$1 stamp=$data/$1-$dataset.txt connection
  connection=$(connection_for "$engine")
  local cli=("$steerco" --lang en --provider "$engine" --connection "$connection") start migrate_seconds generate_seconds
  if [ -z "$fresh" ] && [ -f "$stamp" ] && database_exists "$engine"; then
    step "$engine: reusing the $scale data set prepared on $(sed -n 's/^prepared: //p' "$stamp"), migrating it"
    start=$EPOCHREALTIME
    "${cli[@]}" db migrate >"$scratch/migrate.log" 2>&1 || { cat "$scratch/migrate.log" >&2; die "$engine: db migrate failed"; }
    migrate_seconds=$(seconds_since "$start")
    if grep -q "^Applied" "$scratch/migrate.log"; then
      echo "migrated at commit $(git rev-parse --short HEAD) in $migrate_seconds s:$(sed -n 's/^  / /p' "$scratch/migrate.log" | tr -d '\n')" >>"$stamp"
    fi
    # Data sets prepared before `db analyze` existed have never had their statistics refreshed.
    grep -q "^analyze seconds:" "$stamp" || analyze "$engine" >>"$stamp"
    return
  fi
  step "$engine: preparing the $scale data set (seed $seed)"
  drop_databases "$engine"
  start=$EPOCHREALTIME
  "${cli[@]}" db migrate >"$scratch/migrate.log" 2>&1 || { cat "$scratch/migrate.log" >&2; die "$engine: db migrate failed"; }
  migrate_seconds=$(seconds_since "$start")
  start=$EPOCHREALTIME
  local generate=(demo generate --scale "$scale" --seed "$seed" --password "$password" --admin-password "$admin_password")
  [ "$scale" = demo ] && generate=(demo seed --admin-password "$admin_password" --demo-password "$password")
  if ! "${cli[@]}" "${generate[@]}" 2>&1 | tee "$scratch/generate.log" >&2; then
    die "$engine: ${generate[*]:0:2} failed"
  fi
  generate_seconds=$(seconds_since "$start")
  local analyzed
  analyzed=$(analyze "$engine")
  {
    echo "prepared: $(date -u '+%Y-%m-%d %H:%M UTC') at commit $(git rev-parse --short HEAD)"
    echo "migrate seconds: $migrate_seconds"
    echo "generate seconds: $generate_seconds"
    echo "$analyzed"
    echo "output:"
    # Progress bars redraw with escape sequences: keep the text only.
    sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\r/\n/g' "$scratch/generate.log" | sed -e 's/[[:space:]]*$//' | grep -v '^$'
  } >"$stamp"
}

# 3. The app and the runner -----------------------------------------------------
start_app() {
  local engine=$1
  app_port=$(choose_port "${BENCH_APP_PORT:-}" 26550)
  # The production settings of the README: DOTNET_ReadyToRun=0 (environment only) among them.
  DOTNET_ReadyToRun=${DOTNET_ReadyToRun:-0} ASPNETCORE_URLS=http://127.0.0.1:$app_port ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=$engine ConnectionStrings__Default=$(connection_for "$engine") Demo__Seed=false \
    DataProtection__KeysFolder=$data/keys Files__Folder=$data/files-$engine \
    "$web" --contentRoot "$root/src/SteerCo.Web" >"$data/app-$engine.log" 2>&1 &
  app_pid=$!
  local tries=0
  until curl -sf -o /dev/null "http://127.0.0.1:$app_port/healthz"; do
    if ! kill -0 "$app_pid" 2>/dev/null || [ $tries -ge 240 ]; then
      tail -30 "$data/app-$engine.log" >&2
      die "$engine: the app did not become healthy"
    fi
    tries=$((tries + 1))
    sleep 0.5
  done
}

# Started before anything is measured, so that a server that cannot start costs no measurement.
if [[ " ${engines[*]} " == *" postgres "* ]]; then
  # A server left running by an interrupted run holds the folder: stop it first.
  [ -f "$pg_root/data/postmaster.pid" ] && scripts/pg-throwaway.sh stop "$pg_root" || true
  pg_port=$(choose_port "${BENCH_PG_PORT:-}" 26500)
  step "Starting PostgreSQL on port $pg_port ($pg_root)"
  pg_started=yes
  scripts/pg-throwaway.sh start "$pg_root" "$pg_port" >/dev/null
fi

status=0
done_engines=()
for engine in "${engines[@]}"; do
  prepare "$engine"
  step "$engine: measuring (${duration} s per row after ${warmup} s of warm-up)"
  start_app "$engine"
  cut -d' ' -f1-3 /proc/loadavg >"$scratch/$engine.load"
  database_pid=()
  [ "$engine" = postgres ] && database_pid=(--db-pid "$(head -1 "$pg_root/data/postmaster.pid")")
  # One thread of load: the runner holds its thread pool to one worker when the runtime sees one processor.
  DOTNET_PROCESSOR_COUNT=1 "$runner" --url "http://127.0.0.1:$app_port" --pid "$app_pid" "${database_pid[@]}" \
    --admin-password "$admin_password" --password "$password" --duration "$duration" --warmup "$warmup" \
    --provider "$engine" --connection "$(connection_for "$engine")" "${case_args[@]}" \
    --output "$scratch/$engine.md" >/dev/null &
  # In the background and waited for, so that a TERM reaches the trap at once, not after the runner.
  runner_pid=$!
  wait "$runner_pid" || status=1
  runner_pid=
  stop_app
  [ -f "$scratch/$engine.md" ] && done_engines+=("$engine")
done

# 4. docs/benchmarks.md ---------------------------------------------------------
# Each engine's section is kept beside the data (bench/data/section-<scale>-<engine>.md), so that
# a run of one engine rewrites its own section and keeps the other's from its last run.
[ ${#done_engines[@]} -gt 0 ] || die "nothing was measured"
runtime=$(dotnet --list-runtimes | sed -n 's/^Microsoft.AspNetCore.App \(10\.[0-9.]*\) .*/\1/p' | sort -V | tail -1)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
memory=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
pg_version=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 | sed 's|.*/postgresql/\([^/]*\)/bin|\1|')
for engine in "${done_engines[@]}"; do
  stamp=$data/$engine-$dataset.txt
  {
    case "$engine" in
      sqlite) echo "## SQLite" ;;
      postgres) echo "## PostgreSQL $pg_version" ;;
    esac
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit $(git rev-parse --short HEAD) (\`--duration $duration --warmup $warmup${case_args[*]:+ ${case_args[*]}}\`)."
    echo
    echo "Data set prepared $(sed -n 's/^prepared: //p' "$stamp"): migrations $(sed -n 's/^migrate seconds: //p' "$stamp") s," \
      "\`demo $([ "$scale" = demo ] && echo seed || echo "generate --scale $scale")\` $(sed -n 's/^generate seconds: //p' "$stamp") s. Its output:"
    echo
    echo '```'
    sed -n '/^output:$/,$p' "$stamp" | tail -n +2
    echo '```'
    echo
    [ "$engine" = postgres ] && echo "The server is scripts/pg-throwaway.sh's: default memory settings, fsync and synchronous commit off." && echo
    echo "Load average when the app started: $(cat "$scratch/$engine.load")."
    echo
    cat "$scratch/$engine.md"
  } >"$data/section-$(basename "$doc" .md)-$scale-$engine.md"
done
{
  echo "# Benchmarks"
  echo
  echo "Written by \`bench/run.sh --scale $scale\`; do not edit by hand, run it again. A run of one database rewrites its section and keeps the other's."
  echo "What each column means and how it is measured: [bench/README.md](../bench/README.md)."
  echo
  echo "- Written: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)"
  echo "- Machine: $(nproc) cores ($cpu), $memory memory; the app, the database server and the load generator share them"
  echo "- .NET: ASP.NET Core runtime $runtime (SDK $(dotnet --version)); the app's Release build, Production environment"
  echo "- Data: scale \`$scale\`, seed $seed"
  for engine in sqlite postgres; do
    if [ -f "$data/section-$(basename "$doc" .md)-$scale-$engine.md" ]; then
      echo
      cat "$data/section-$(basename "$doc" .md)-$scale-$engine.md"
    fi
  done
} >"$scratch/benchmarks.md"
mkdir -p "$(dirname "$doc")"
mv "$scratch/benchmarks.md" "$doc"
step "Wrote $doc"
cat "$doc"
exit $status
