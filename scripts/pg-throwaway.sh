#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL server on 127.0.0.1, without systemd.
#   scripts/pg-throwaway.sh start DATA_ROOT [PORT]   prints the connection string
#   scripts/pg-throwaway.sh stop  DATA_ROOT
# DATA_ROOT is a scratch folder (test.sh makes one with mktemp -d). PORT defaults to
# $STEERCO_PG_PORT or 25491: keep it below 32768, where this machine's ephemeral ports begin.
set -euo pipefail
cmd=${1:-}
root=${2:-}
port=${3:-${STEERCO_PG_PORT:-25491}}
if [ -z "$root" ] || { [ "$cmd" != start ] && [ "$cmd" != stop ]; }; then
  echo "usage: $0 start|stop DATA_ROOT [PORT]" >&2
  exit 2
fi

if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL is not installed (apt-get install postgresql postgresql-contrib, as root)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql postgresql-contrib >/dev/null
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

# initdb and postgres refuse to run as root: run them as the postgres user Debian creates.
if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); else as=(); fi

case "$cmd" in
  start)
    mkdir -p "$root"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$root"
    if [ ! -f "$root/data/PG_VERSION" ]; then
      echo postgres >"$root/pwfile"
      [ "$(id -u)" = 0 ] && chown postgres "$root/pwfile"
      "${as[@]}" "$pgbin/initdb" -D "$root/data" -U postgres --pwfile="$root/pwfile" \
        --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$root/initdb.log"
    fi
    # fsync and friends are off: the data is thrown away after the tests.
    if ! "${as[@]}" "$pgbin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $root -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
      start >/dev/null; then
      echo "PostgreSQL did not start on port $port; its log:" >&2
      tail -20 "$root/server.log" >&2 || true
      exit 1
    fi
    "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$port"
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres"
    ;;
  stop)
    if [ -f "$root/data/postmaster.pid" ]; then
      "${as[@]}" "$pgbin/pg_ctl" -D "$root/data" -m fast -w stop >/dev/null
    fi
    ;;
esac
