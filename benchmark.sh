#!/usr/bin/env bash
# Performance benchmarks: they print figures and never fail on timing. Not part of ./test.sh.
#   ./benchmark.sh grid      the enrollment grid over 100,000 enrollments (H2 + PostgreSQL + Chromium)
#   ./benchmark.sh startup   start-up time and idle memory of the production jar
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
  *)
    echo "usage: ./benchmark.sh grid|startup" >&2; exit 2 ;;
esac
