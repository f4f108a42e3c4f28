#!/usr/bin/env bash
# Rounds of: the Vector API FMA peak, ConvScope's bench on 2 and 1 threads, PyTorch through DJL (2 threads, malloc
# tuned) and naive scalar Java (1 thread), strictly one after another, each printing one JSON line, appended to OUT.
# Run from the repository root after ./mvnw package, with the peers of ../shared/peers beside the repository.
# usage: ROUNDS=3 OUT=bench.jsonl scripts/bench-rounds.sh
set -uo pipefail
CS=${CS:-target/convscope/bin/convscope}
OUT=${OUT:-bench-rounds.jsonl}
ROUNDS=${ROUNDS:-3}
P=${PEERS:-../shared/peers}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r $(date -u +%T) load $(cut -d' ' -f1 /proc/loadavg)"
  JDK=$JDK25 "$P"/peak/run.sh threads=1,2 reps=5 2>/dev/null | grep RESULT | sed "s/^/peak r$r /" | tee -a "$OUT"
  "$CS" bench --threads 2 --batches 235 --scalar-batches 10 2>/dev/null | tail -1 | sed "s/^/cs2 r$r /" | tee -a "$OUT"
  "$CS" bench --threads 1 --batches 235 --scalar-batches 10 2>/dev/null | tail -1 | sed "s/^/cs1 r$r /" | tee -a "$OUT"
  GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=4294967295 JAVA=$JAVA17 \
    "$P"/djl/run.sh act=relu threads=2 2>/dev/null | grep RESULT | sed "s/^/djl r$r /" | tee -a "$OUT"
  JDK=$JDK25 "$P"/scalar-java/run.sh act=relu threads=1 2>/dev/null | grep RESULT | sed "s/^/scalar r$r /" | tee -a "$OUT"
done
