#!/usr/bin/env bash
# Starts LocalDPS: builds the production jar (first time or after a change) and runs it.
# Any argument is passed to the application, e.g. ./run.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")"
source scripts/select-java.sh

jar=$(ls target/localdps-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ] || [ -n "$(find src simulator pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building LocalDPS (first run takes a minute or two)..."
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/localdps-*.jar | head -1)
fi
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -jar "$jar" "$@"
