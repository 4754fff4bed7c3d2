#!/usr/bin/env bash
# Configures the freshly provisioned server offline with the CLI scripts beside this file:
#   standalone.xml           - the common configuration on the embedded H2 database
#   standalone-postgres.xml  - the same, with the default datasource on PostgreSQL
set -euo pipefail
server=$1
here=$(cd "$(dirname "$0")" && pwd)
config=$server/standalone/configuration
log=$server/../configure-cli.log
# The CLI prints one result per command; keep that in a log and show it only when a script fails.
cli() {
  JAVA_OPTS="-Djava.awt.headless=true" "$server/bin/jboss-cli.sh" --file="$1" >>"$log" 2>&1 \
    || { cat "$log"; echo "CLI script $1 failed" >&2; exit 1; }
}
: >"$log"

cli "$here/common.cli"
cp "$config/standalone.xml" "$config/standalone-postgres.xml"
cli "$here/postgres.cli"
