#!/usr/bin/env bash
# Performance benchmarks: they print figures and never fail on timing. Not part of ./test.sh.
#   ./benchmark.sh grid      the enrollment grid over 100,000 enrollments (H2 + PostgreSQL + Chromium)
#   ./benchmark.sh startup   start-up time and idle memory of the production jar
#   ./benchmark.sh ipfilter  nanoseconds per IP filter check (no rules, 100 rules)
#   ./benchmark.sh registrations
#                            N symmetric-key devices registering over MQTT/TLS against LocalDPS started
#                            in-process (H2 file): registrations/s, p50/p95/p99 latency, errors, CPU split.
#     BENCH_DEVICES=5000 BENCH_CONCURRENCY=200   devices in total, devices in flight at once
#     BENCH_WARMUP=1000                          devices registered first, not counted
#     BENCH_MAX_SECONDS=45                       no device starts later (the warm-up stops launching after 15 s)
#     BENCH_EXISTING_RECORDS=100000              registration records added before the run (a database that has seen many devices)
#     BENCH_CLIENT_THREADS=2 BENCH_REQUEST_QOS=1 the load generator's event loops, QoS of its requests
#     BENCH_SERVER_ARGS="--dps.registration.worker-threads=16 --dps.mqtt.request-threads=16"
#                                                server properties for the in-process LocalDPS
#     BENCH_H2_OPTIONS=";LOCK_TIMEOUT=20000"     appended to the H2 JDBC URL (the default one has QUERY_CACHE_SIZE=64)
#     BENCH_DATABASE=postgresql                  the tests' embedded PostgreSQL 18 instead of H2
#     BENCH_JFR=/tmp/bench.jfr                   record a JFR profile (settings 'profile') of the measured run
#     BENCH_DB_STATS=1                           print H2's statement statistics (count and time per registration;
#                                                it slows H2 down: a global lock around every statement)
#     BENCH_JVM_ARGS="-Xmx2g"                    options of the benchmark JVM (server and generator)
#     BENCH_TARGET="host port idScope groupPrimaryKey ca.pem"   drive an already running DPS instead
#   ./benchmark.sh fleet     the simulated device fleet (simulator/, its CLI in a JVM of its own) against LocalDPS in-process:
#                            registrations/s, latency, spread over three hubs weighted 1/2/3, the simulator's heap and RSS.
#     BENCH_DEVICES=10000 BENCH_CONCURRENCY=200 BENCH_PROTOCOL=mqtt5 BENCH_SIM_HEAP=384m BENCH_RETRY_AFTER=1
set -euo pipefail
cd "$(dirname "$0")"
source scripts/select-java.sh

case "${1:-}" in
  grid)
    ./mvnw -B -q test -DexcludedTestGroups= -Dsurefire.failIfNoSpecifiedTests=false \
      -Dtest='EnrollmentGridPostgresBenchmark,EnrollmentGridBrowserBenchmark' 2>&1 \
      | grep -E '^(==|  )' ;;
  startup)
    scripts/measure-startup.sh ;;
  ipfilter)
    ./mvnw -B -q test -DexcludedTestGroups= -Dsurefire.failIfNoSpecifiedTests=false -Dtest=IpFilterBenchmark 2>&1 \
      | grep -E '^(==|  )' ;;
  registrations)
    args=(-Dbench.devices="${BENCH_DEVICES:-5000}" -Dbench.concurrency="${BENCH_CONCURRENCY:-200}"
          -Dbench.warmup="${BENCH_WARMUP:-1000}" -Dbench.max-seconds="${BENCH_MAX_SECONDS:-45}"
          -Dbench.client-threads="${BENCH_CLIENT_THREADS:-2}"
          -Dbench.request-qos="${BENCH_REQUEST_QOS:-1}" -Dbench.server-args="${BENCH_SERVER_ARGS:-}"
          -Dbench.h2-options="${BENCH_H2_OPTIONS:-}" -Dbench.db-statistics="${BENCH_DB_STATS:+true}"
          -Dbench.database="${BENCH_DATABASE:-h2}" -Dbench.existing-records="${BENCH_EXISTING_RECORDS:-0}")
    if [ -n "${BENCH_TARGET:-}" ]; then
      read -r host port scope key ca <<<"$BENCH_TARGET"
      args+=(-Dbench.host="$host" -Dbench.port="$port" -Dbench.id-scope="$scope" -Dbench.group-key="$key"
             -Dbench.ca-pem="$(readlink -f "$ca")")
    fi
    if [ -n "${BENCH_JFR:-}" ]; then
      args+=(-Dbench.jfr="$(readlink -f "$BENCH_JFR")")
    fi
    log=$(mktemp)
    trap 'rm -f "$log"' EXIT
    # Surefire's argLine is fixed in the pom; the java launcher reads JDK_JAVA_OPTIONS in every JVM, the forked one too.
    if JDK_JAVA_OPTIONS="${BENCH_JVM_ARGS:-${JDK_JAVA_OPTIONS:-}}" ./mvnw -B -q test -DexcludedTestGroups= -Dsurefire.failIfNoSpecifiedTests=false \
         -Dtest=MqttRegistrationBenchmark "${args[@]}" >"$log" 2>&1; then
      grep -E '^(==|  )' "$log"
    else
      tail -60 "$log"; exit 1
    fi ;;
  fleet)
    log=$(mktemp)
    trap 'rm -f "$log"' EXIT
    if ./mvnw -B -q test -DexcludedTestGroups= -Dsurefire.failIfNoSpecifiedTests=false -Dtest=FleetBenchmark \
         -Dbench.fleet.devices="${BENCH_DEVICES:-10000}" -Dbench.fleet.concurrency="${BENCH_CONCURRENCY:-200}" \
         -Dbench.fleet.protocol="${BENCH_PROTOCOL:-mqtt5}" -Dbench.fleet.heap="${BENCH_SIM_HEAP:-384m}" \
         -Dbench.fleet.retry-after="${BENCH_RETRY_AFTER:-1}" >"$log" 2>&1; then
      grep -E '^(==|  )' "$log"
    else
      tail -60 "$log"; exit 1
    fi ;;
  *)
    echo "usage: ./benchmark.sh grid|startup|registrations|fleet|ipfilter" >&2; exit 2 ;;
esac
