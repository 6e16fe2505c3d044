#!/usr/bin/env bash
# Starts the production jar on a fresh data directory, reports the time Spring Boot reports for
# start-up, and the resident memory after 30 s idle.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/select-java.sh
[ -n "$(ls target/localdps-*.jar 2>/dev/null)" ] || ./mvnw -B -q -DskipTests package
jar=$(ls target/localdps-*.jar | head -1)
data=$(mktemp -d)
log="$data/run.log"
"$JAVA_HOME/bin/java" -jar "$jar" --dps.data-dir="$data" --server.port=0 --dps.mqtt.port=0 --dps.https.port=0 \
  --dps.admin.password=measure-startup-only >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  grep -q "Started LocalDpsApplication" "$log" && break
  sleep 0.5
done
grep -o "Started LocalDpsApplication in [0-9.]* seconds (process running for [0-9.]*)" "$log"
sleep 30
echo "Idle resident memory after 30 s: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MB"
