#!/usr/bin/env bash
# Soak test (issue #12): the real app trains D2L's recipe while the animated views are shown in turn, for MINUTES
# (default 30), under Xvfb, with the app image's JVM options (the --java-options of packaging/app-image.args). Every
# SAMPLE seconds (default 30) it prints the live heap after a GC, the resident set and the frame times; at the end
# one line "SOAK PASS: ..." or "SOAK FAIL: ..." (exit code 0 or 1): the live heap must not grow from the first to the
# last third of the run, and the frames must not get slower. Bounded: killed after MINUTES + 5 minutes.
# usage: scripts/soak.sh [MINUTES] [SAMPLE_SECONDS]        (from anywhere; needs xvfb-run)
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-30}
SAMPLE=${2:-30}
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ] && [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
export PATH="${JAVA_HOME:+$JAVA_HOME/bin:}$PATH"
command -v xvfb-run >/dev/null || { echo "soak: xvfb-run is needed (apt-get install xvfb)" >&2; exit 2; }
./mvnw -B -ntp -o -q test-compile
./mvnw -B -ntp -o -q dependency:build-classpath -Dmdep.outputFile=target/soak-classpath.txt -Dmdep.includeScope=test >/dev/null
# the app image's JVM options, one source of truth (the AOT cache line names the image's own folder: left out)
mapfile -t OPTS < <(sed -n 's/^--java-options[[:space:]]\{1,\}//p' packaging/app-image.args | grep -v 'APPDIR' || true)
echo "soak: JVM options ${OPTS[*]}"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
limit=$(awk -v m="$MINUTES" 'BEGIN { printf "%d", m * 60 + 300 }')
timeout "$limit" xvfb-run -a -s "-screen 0 1600x1000x24" java "${OPTS[@]}" -Dconvscope.prefs.node=convscope-soak \
  -Dconvscope.home="$home" -cp "target/test-classes:target/classes:$(cat target/soak-classpath.txt)" \
  org.convscope.app.Soak "$MINUTES" "$SAMPLE" 2>&1 | grep --line-buffered -v '^WARNING: Using incubator modules'
