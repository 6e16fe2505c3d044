#!/usr/bin/env bash
# Runs every test: unit, persistence (H2 and an embedded PostgreSQL), architecture and browser
# tests (Playwright driving Debian's Chromium). Installs Chromium when it is missing.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/select-java.sh

if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

./mvnw -B verify "$@"
