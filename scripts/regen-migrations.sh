#!/usr/bin/env bash
# Regenerates the initial migration of both providers from the current model.
# Used while nothing has shipped; once a release is out, add migrations instead of regenerating.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for p in Sqlite Postgres; do
  rm -rf "src/Tillit.Data.$p/Migrations"
  dotnet ef migrations add Initial --project "src/Tillit.Data.$p" --startup-project "src/Tillit.Data.$p" --output-dir Migrations
done
