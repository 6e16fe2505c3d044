# Sourced by run.sh and test.sh: points JAVA_HOME at a JDK >= 21.
# The machines' default java is 17; Temurin 25 sits beside it under /usr/lib/jvm.

java_major() {
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
}

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then
  :
elif command -v java >/dev/null 2>&1 && [ "$(java_major java)" -ge 21 ] 2>/dev/null; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
else
  JAVA_HOME=""
  for candidate in $(ls -d /usr/lib/jvm/*/ /opt/java/*/ 2>/dev/null | sort -V -r); do
    if [ -x "${candidate}bin/java" ] && [ "$(java_major "${candidate}bin/java")" -ge 21 ] 2>/dev/null; then
      JAVA_HOME="${candidate%/}"
      break
    fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "LocalDPS needs a JDK 21 or newer; none was found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm)." >&2
    echo "Install one (for example Temurin 25) and set JAVA_HOME." >&2
    exit 1
  fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
