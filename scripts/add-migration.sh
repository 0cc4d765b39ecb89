#!/usr/bin/env bash
# Adds a migration named NAME to both migration sets (SQLite and PostgreSQL), then writes the
# compiled models again (scripts/compile-models.sh).
#   scripts/add-migration.sh NAME
# tools/SteerCo.Design is the startup project: it holds the design-time factories and
# references EF Core's design assembly, which the app itself does not carry.
set -euo pipefail
if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 NAME" >&2
  exit 2
fi
name=$1
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null

# Each call builds the startup project first, so the second set sees the first one's files compile.
add() {
  local context=$1 folder=$2
  dotnet ef migrations add "$name" \
    --context "$context" \
    --project src/SteerCo --startup-project tools/SteerCo.Design \
    --output-dir "Data/Migrations/$folder" --namespace "SteerCo.Data.Migrations.$folder"
  # With --namespace, the first snapshot of a set lands in a folder named after the whole
  # namespace (src/SteerCo/SteerCo/Data/...); later runs find it wherever it is, so move it once.
  local stray=src/SteerCo/SteerCo/Data/Migrations/$folder
  if [ -d "$stray" ]; then
    mv "$stray"/*.cs "src/SteerCo/Data/Migrations/$folder/"
    rmdir -p "$stray" 2>/dev/null || true
  fi
}
add SqliteSteerCoDbContext Sqlite
add PostgresSteerCoDbContext Postgres

# The app loads compiled models: write them again for the changed entities.
scripts/compile-models.sh
