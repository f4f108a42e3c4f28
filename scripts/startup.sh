#!/usr/bin/env bash
# Startup measured from outside the process (issue #12): starts the app image's launcher RUNS times under its own
# Xvfb, as a first start (empty preferences and home), and reports for each run
#   window  - seconds from starting the launcher until the ConvScope window is mapped (xdotool, polled every 50 ms:
#             each poll is a process, and polling faster took CPU from the app on a 2-core machine, +1 s)
#   answers - seconds from starting the launcher until the window has answered a key: Ctrl+2 is sent (XTEST) until
#             the window's title changes from the first view's name to the second's ("ConvScope — ...")
# and the medians. Nothing here uses the app's own clock; the app's log line is printed beside it for comparison.
# usage: scripts/startup.sh [LAUNCHER] [RUNS]      (default target/app-image/ConvScope/bin/ConvScope, 5 runs)
#        STARTUP_JAVA_OPTIONS="-Dx=y" scripts/startup.sh ...   adds JVM options (to compare one change in the same session)
# needs: Xvfb, xdotool (apt-get install -y xvfb xdotool). Run it on a quiet machine: it measures wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
LAUNCHER=${1:-target/app-image/ConvScope/bin/ConvScope}
RUNS=${2:-5}
for t in Xvfb xdotool; do command -v "$t" >/dev/null || { echo "startup: $t is needed (apt-get install -y xvfb xdotool)" >&2; exit 2; }; done
[ -x "$LAUNCHER" ] || { echo "startup: no launcher at $LAUNCHER (build it: ./mvnw package && ./mvnw -Pinstaller org.panteleyev:jpackage-maven-plugin:1.8.0:jpackage@app-image)" >&2; exit 2; }

display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
work=$(mktemp -d)
cleanup() { kill "$xvfb" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export DISPLAY=$display
for _ in $(seq 100); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.05; done

now() { date +%s.%N; }
windows=() answers=()
for run in $(seq "$RUNS"); do
  home="$work/run$run"; mkdir -p "$home/prefs"
  t0=$(now)
  JAVA_TOOL_OPTIONS="-Djava.util.prefs.userRoot=$home/prefs -Dconvscope.home=$home ${STARTUP_JAVA_OPTIONS:-}" "$LAUNCHER" >"$home/log" 2>&1 &
  app=$!
  win=""
  until [ -n "$win" ]; do
    win=$(xdotool search --onlyvisible --name '^ConvScope' 2>/dev/null | head -1 || true)
    kill -0 "$app" 2>/dev/null || { echo "startup: the app ended before showing a window:"; cat "$home/log"; exit 1; }
    [ -n "$win" ] || sleep 0.05
  done
  t_window=$(now)
  first=$(xdotool getwindowname "$win")
  xdotool windowfocus "$win" 2>/dev/null || true
  until [ "$(xdotool getwindowname "$win" 2>/dev/null)" != "$first" ]; do
    xdotool key --clearmodifiers ctrl+2 2>/dev/null || true
    sleep 0.05
    awk -v a="$t0" -v b="$(now)" 'BEGIN { exit !(b - a > 60) }' && { echo "startup: no answer to Ctrl+2 within 60 s"; exit 1; }
  done
  t_answer=$(now)
  w=$(awk -v a="$t0" -v b="$t_window" 'BEGIN { printf "%.3f", b - a }')
  a=$(awk -v a="$t0" -v b="$t_answer" 'BEGIN { printf "%.3f", b - a }')
  windows+=("$w"); answers+=("$a")
  own=$(grep -o 'first frame [0-9]*' "$home/log" | head -1 || true)
  echo "run $run: window ${w} s, answers ${a} s (\"$first\" -> \"$(xdotool getwindowname "$win")\"; app's own log: ${own:-none})"
  kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true
  sleep 1
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "startup: median window $(median "${windows[@]}") s, median answers input $(median "${answers[@]}") s over $RUNS runs (load $(cut -d' ' -f1-3 /proc/loadavg))"
