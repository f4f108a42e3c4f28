#!/usr/bin/env bash
# The engine's 1 -> 2 thread scaling (issue 14), interleaved so that every setting sees the same machine. Per round:
# the FMA peak on 2 threads (if ../shared/peers is there), then `convscope bench` on 1 thread, on 2 threads as
# shipped (4 groups per thread), on 2 threads with the batch in two fixed halves (-Dconvscope.engine.groupsPerThread=1:
# the cut before 2026-12-07), with 2 groups per thread, and parking at once instead of spinning first
# (-Dconvscope.engine.spinMicros=0).
# Each prints one JSON line, appended to OUT; a summary per round follows: images/s, 2T / 1T on the wall clock,
# the cores the training threads kept busy, CPU µs per image, and the share of the 2-thread peak.
# Run from the repository root after ./mvnw package (or CS="java ... org.convscope.Main").
# usage: ROUNDS=3 OUT=bench-scaling.jsonl scripts/bench-scaling.sh
set -uo pipefail
CS=${CS:-target/convscope/bin/convscope}
OUT=${OUT:-bench-scaling.jsonl}
ROUNDS=${ROUNDS:-3}
BATCHES=${BATCHES:-235}
P=${PEERS:-../shared/peers}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
run() { # label threads JVM-options
  JDK_JAVA_OPTIONS="$3" $CS bench --threads "$2" --batches "$BATCHES" --scalar-batches 0 2>/dev/null | tail -1 \
    | sed "s/^/$1 r$r /" | tee -a "$OUT"
}
for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r $(date -u +%T) load $(cut -d' ' -f1 /proc/loadavg)"
  if [ -x "$P/peak/run.sh" ]; then
    JDK=$JDK25 "$P"/peak/run.sh threads=2 reps=5 2>/dev/null | grep RESULT | sed "s/^/peak r$r /" | tee -a "$OUT"
  fi
  run t1 1 ""
  run t2 2 ""
  run t2-halves 2 "-Dconvscope.engine.groupsPerThread=1"
  run t2-g2 2 "-Dconvscope.engine.groupsPerThread=2"
  run t2-park 2 "-Dconvscope.engine.spinMicros=0"
done
python3 - "$OUT" <<'PY'
import json, sys, collections
rounds = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    label, rnd, rest = line.split(' ', 2)
    if rest.startswith('RESULT'): rest = rest[len('RESULT'):]
    try: rounds[rnd][label] = json.loads(rest)
    except ValueError: pass
for rnd, d in sorted(rounds.items()):
    peak = d.get('peak', {}).get('gflops_median')
    one = d.get('t1', {}).get('train_images_per_s')
    for label in ('t1', 't2', 't2-halves', 't2-g2', 't2-park'):
        j = d.get(label)
        if not j: continue
        ips = j['train_images_per_s']
        share = f"{100 * ips * 2.49912e6 / (peak * 1e9):.1f} % of {peak:.0f} GFLOP/s" if peak else "-"
        ratio = f"{ips / one:.2f}x" if one and label != 't1' else ""
        print(f"{rnd} {label:<10} {ips:>7.0f} images/s {ratio:>6}  busy {j['train_cores_busy']:.2f}  "
              f"cpu {j['train_cpu_us_per_image']:.1f} us/image  {share}  loss {j['last_loss']}")
PY
