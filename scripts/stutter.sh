#!/usr/bin/env bash
# Frames while training (issue #12): the real app trains D2L's recipe with the training view on screen for SECONDS
# (default 60) under Xvfb, with the app image's JVM options plus EXTRA (e.g. -Dconvscope.training.nice=0), and prints
# the app's own frame log: the share of frames slower than 20 ms (frames of all 10-second lines after the first,
# which holds the start of training) and the training throughput (images/s in optimizer steps, from the
# "Training STOPPED" line). usage: scripts/stutter.sh [SECONDS] [THREADS] [EXTRA JVM OPTIONS...]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_=${1:-60}
THREADS=${2:-}
shift $(( $# > 2 ? 2 : $# )) || true
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ] && [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
export PATH="${JAVA_HOME:+$JAVA_HOME/bin:}$PATH"
command -v xvfb-run >/dev/null || { echo "stutter: xvfb-run is needed (apt-get install xvfb)" >&2; exit 2; }
if [ -z "${STUTTER_NO_BUILD:-}" ]; then
  ./mvnw -B -ntp -o -q test-compile
  ./mvnw -B -ntp -o -q dependency:build-classpath -Dmdep.outputFile=target/soak-classpath.txt -Dmdep.includeScope=test >/dev/null
fi
mapfile -t OPTS < <(sed -n 's/^--java-options[[:space:]]\{1,\}//p' packaging/app-image.args | grep -v 'APPDIR' || true)
home=$(mktemp -d)
log=${STUTTER_LOG:-$(mktemp)}
trap 'rm -rf "$home"; [ -n "${STUTTER_LOG:-}" ] || rm -f "$log"' EXIT
timeout $(( SECONDS_ + 120 )) xvfb-run -a -s "-screen 0 1600x1000x24" java "${OPTS[@]}" --enable-native-access=ALL-UNNAMED "$@" \
  -Dconvscope.prefs.node=convscope-stutter -Dconvscope.home="$home" \
  -cp "target/test-classes:target/classes:$(cat target/soak-classpath.txt)" \
  org.convscope.app.StutterBench "$SECONDS_" $THREADS > "$log" 2>&1 || true
grep -E "UI while training|Training STOPPED|nice|priority" "$log" | sed 's/^INFO: //' || true
awk '/UI while training/ {
       n++; if (n == 1) next
       match($0, /over [0-9]+ frames/); f = substr($0, RSTART + 5, RLENGTH - 12) + 0
       match($0, /[0-9.]+% slower/); p = substr($0, RSTART, RLENGTH - 8) + 0
       match($0, /[0-9.]+ fps/); fps += substr($0, RSTART, RLENGTH - 4) * f
       frames += f; slow += f * p / 100 }
     /Training STOPPED/ { match($0, /[0-9]+ images\/s in optimizer/); ips = substr($0, RSTART, RLENGTH) + 0 }
     END { if (frames == 0) { print "STUTTER: no frame log"; exit 1 }
           printf "STUTTER: %d frames, %.1f%% slower than 20 ms, %.1f fps, training %d images/s\n", frames, 100 * slow / frames, fps / frames, ips }' "$log"
