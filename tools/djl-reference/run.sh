#!/usr/bin/env bash
# Records the losses of an independent implementation (PyTorch 2.7.1 through DJL 0.36, the peer in
# ../shared/peers/djl) for TrainerTest's loss regression run: ConvScope exports the initial weights and the batch
# order (ReferenceRunExport), ReferenceLosses.java trains the same LeNet-5 on the same batches, and its losses go to
# src/test/resources/org/convscope/engine/pytorch-losses.txt, which TrainerTest compares with. Needs the peer's
# dependencies (its run.sh downloads them once: mvn package, ~115 MB). usage: tools/djl-reference/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PEER=${PEER:-../shared/peers/djl}
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ] && [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
export PATH="${JAVA_HOME:+$JAVA_HOME/bin:}$PATH"
# the peer, built from a writable copy (shared/ may be read-only), as its own run.sh does
w=/tmp/convscope-peers/djl
mkdir -p "$w" && cp -rn "$PEER"/. "$w"/
[ -d "$w/target/lib" ] || (cd "$w" && mvn -q -B package -DskipTests)
out=target/djl-reference
./mvnw -B -ntp -o -q test-compile
./mvnw -B -ntp -o -q dependency:build-classpath -Dmdep.outputFile=$out.classpath -Dmdep.includeScope=test >/dev/null
java --add-modules=jdk.incubator.vector -cp "target/test-classes:target/classes:$(cat $out.classpath)" \
  org.convscope.engine.ReferenceRunExport "$out" 2>&1 | grep -v '^WARNING: Using incubator'
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 DJL_CACHE_DIR=${DJL_CACHE_DIR:-/tmp/djl-cache} PYTORCH_FLAVOR=cpu
losses=$(java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$w/target/lib/*" tools/djl-reference/ReferenceLosses.java "$out/initial.safetensors" "$out/order.txt" \
  assets/datasets/mnist/train-images-idx3-ubyte.gz assets/datasets/mnist/train-labels-idx1-ubyte.gz)
dest=src/test/resources/org/convscope/engine/pytorch-losses.txt
mkdir -p "$(dirname "$dest")"
{
  echo "# Losses of the 30 SGD steps of TrainerTest.mnistLossFallsBelowRecordedValues, computed by PyTorch 2.7.1 through"
  echo "# DJL 0.36 (tools/djl-reference/run.sh, $(date -u +%F)): same LeNet-5, initial weights, batches and learning rate."
  echo "$losses"
} > "$dest"
echo "wrote $dest:"; cat "$dest"
