#!/usr/bin/env bash
# The whole check, as CI runs it (.ci/run):
#   1. system packages the tests need (installed with apt when run as root and any is missing)
#   2. formatting: dotnet format --verify-no-changes
#   3. Release build of the solution
#   4. the tests on SQLite, browser tests included
#   5. the same tests, browser tests included, on a throwaway PostgreSQL (scripts/pg-throwaway.sh)
#   6. the sample decisions in both layouts as DOCX, PDF and PNG in artifacts/samples, to look at
# and a last line "N passed, N failed" over both runs. Exits non-zero if anything failed.
# STEERCO_PG_PORT chooses the PostgreSQL port (default 25491, the next free one if taken).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export STEERCO_BROWSER=${STEERCO_BROWSER:-/usr/bin/chromium}

step() { printf '\n==> %s\n' "$*"; }

# 1. System packages -----------------------------------------------------------
packages=(chromium poppler-utils fonts-liberation2 fonts-croscore fonts-crosextra-carlito fonts-noto-core
  libreoffice-writer-nogui libreoffice-calc-nogui postgresql postgresql-contrib)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    step "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "warning: missing packages (run as root to install): ${missing[*]}" >&2
  fi
fi

# 2. Formatting ----------------------------------------------------------------
step "Restore"
dotnet restore SteerCo.slnx
step "Format check"
dotnet format SteerCo.slnx --verify-no-changes --no-restore

# 3. Build ---------------------------------------------------------------------
step "Build (Release)"
dotnet build SteerCo.slnx -c Release --no-restore

# 4 and 5. Tests ---------------------------------------------------------------
scratch=$(mktemp -d)
pg_root=$(mktemp -d)
pg_started=
cleanup() {
  if [ -n "$pg_started" ]; then scripts/pg-throwaway.sh stop "$pg_root" || true; fi
  rm -rf "$pg_root" "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

passed=0
failed=0
status=0
# Runs the test project once; adds its counts (from its TRX file) to the totals. Minimal console
# verbosity is the one that ends a run with its "Passed!/Failed! - Failed: N, Passed: N" line
# (normal prints "Test Run Successful." instead); failing tests are shown in full either way.
run_tests() {
  local name=$1
  shift
  step "Tests on $name"
  local code=0
  dotnet test tests/SteerCo.Tests --no-build -c Release \
    --logger "console;verbosity=minimal" --logger "trx;LogFileName=$name.trx" \
    --results-directory "$scratch/results" "$@" || code=$?
  local trx=$scratch/results/$name.trx
  if [ -f "$trx" ]; then
    local counters
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    local p f e t
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
    t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0}))
  fi
  if [ "$code" -ne 0 ]; then
    echo "Tests on $name: dotnet test exited with $code" >&2
    status=1
  fi
}

STEERCO_TEST_PROVIDER=sqlite run_tests sqlite

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_port=${STEERCO_PG_PORT:-25491}
if [ -z "${STEERCO_PG_PORT:-}" ]; then
  # Another checkout's test run may hold the default port on this machine.
  while port_in_use "$pg_port" && [ "$pg_port" -lt 25531 ]; do pg_port=$((pg_port + 1)); done
fi
step "Starting PostgreSQL on port $pg_port"
pg_started=yes
connection=$(scripts/pg-throwaway.sh start "$pg_root" "$pg_port")
STEERCO_TEST_PROVIDER=postgres STEERCO_TEST_POSTGRES=$connection run_tests postgres

# 6. Sample decisions to look at -----------------------------------------------
# A person checks the official layout by eye (issue 5): DOCX, PDF and 80 dpi PNG pages. Missing
# LibreOffice or poppler skips this step; it never fails the run.
step "Sample decisions (artifacts/samples)"
samples=artifacts/samples
if command -v soffice >/dev/null && command -v pdftoppm >/dev/null; then
  mkdir -p "$samples"
  rm -f "$samples"/decision-*
  for layout in state party; do
    if dotnet artifacts/bin/SteerCo.Cli/release/SteerCo.Cli.dll office sample-decision \
      --layout "$layout" --out "$samples/decision-$layout.docx" --pdf >/dev/null \
      && pdftoppm -png -r 80 "$samples/decision-$layout.pdf" "$samples/decision-$layout"; then
      ls "$samples"/decision-"$layout"*
    else
      echo "warning: the $layout sample decision was not converted" >&2
    fi
  done
else
  echo "LibreOffice (soffice) or poppler (pdftoppm) is not installed: no sample PDF" >&2
fi

echo
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
