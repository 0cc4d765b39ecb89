#!/usr/bin/env bash
# Writes the compiled EF Core models of both engines (src/SteerCo/Data/CompiledModels/), which the
# app loads instead of building its model by convention at the first query (about 10 MiB less
# resident memory, docs/memory-national-session16.md). Run it after any change to an entity or to OnModelCreating
# (scripts/add-migration.sh runs it); tests/SteerCo.Tests/Data/CompiledModels.cs fails while
# they are out of date.
#   scripts/compile-models.sh
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null

compile() {
  local context=$1 folder=$2
  rm -rf "src/SteerCo/Data/CompiledModels/$folder"
  dotnet ef dbcontext optimize \
    --context "$context" \
    --project src/SteerCo --startup-project tools/SteerCo.Design \
    --output-dir "Data/CompiledModels/$folder" --namespace "SteerCo.Data.CompiledModels.$folder"
}
compile SqliteSteerCoDbContext Sqlite
compile PostgresSteerCoDbContext Postgres
