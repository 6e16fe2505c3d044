#!/usr/bin/env bash
# The certificate lab for scripts: builds the production jar like run.sh (first time or after a
# change) and runs one lab command on the configured database, e.g.
#   ./lab.sh root-ca --name "Contoso Test Root" --key rsa --days 3650
#   ./lab.sh device --registration-id device-01 --issuer "Contoso Test Root"
#   LAB_P12=secret-pw ./lab.sh export --name device-01 --out certs --p12-password-env LAB_P12
# With the default embedded H2 database stop the server first; with PostgreSQL pass
# --spring.datasource.url=... (or SPRING_DATASOURCE_URL) and run it beside the server.
# ./lab.sh without arguments lists the commands.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/select-java.sh

jar=$(ls target/localdps-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ] || [ -n "$(find src simulator pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building LocalDPS (first run takes a minute or two)..." >&2
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/localdps-*.jar | head -1)
fi
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -jar "$jar" lab "$@"
