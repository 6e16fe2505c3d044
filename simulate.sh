#!/usr/bin/env bash
# The simulated device fleet on the command line: builds the production jar like run.sh (first time
# or after a change) and runs a fleet against a DPS (ours or any other) over the wire, e.g.
#   GROUP_KEY='<group primary key>' ./simulate.sh --host localhost --mqtt-port 8883 --id-scope 0ne00ABC123 \
#                 --trust-ca device-ca.pem --kind symmetric --group-key-env GROUP_KEY --count 1000 --rate 200 --concurrency 200
#   ./simulate.sh --kind tpm --tpm-dir tpm-state --count 5 --tpm-export tpm-devices.csv --id-scope 0ne00ABC123 --insecure
# ./simulate.sh --help lists the options. Prints progress each second and a summary (per status, per
# hub, p50/p95/p99 latency, registrations/s); exit code 0 when every device was assigned.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/select-java.sh

jar=$(ls target/localdps-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ] || [ -n "$(find src simulator pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building LocalDPS (first run takes a minute or two)..." >&2
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/localdps-*.jar | head -1)
fi
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -jar "$jar" simulate "$@"
