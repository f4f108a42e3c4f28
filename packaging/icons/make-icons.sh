#!/usr/bin/env bash
# Makes every icon ConvScope's installers need from ONE source picture, convscope.png (1024x1024), which
# DrawIcon.java draws. Run from anywhere; writes next to this script:
#   convscope.png            1024 px source (redrawn only with --redraw or when missing)
#   png/convscope-N.png      16 24 32 48 64 128 256 512 px (Linux: 512 for jpackage --icon, the rest for themes)
#   convscope.ico            Windows, 16-256 px in one file
#   convscope.icns           macOS, 16-1024 px
#   ../linux/ConvScope.png   512 px, for the .deb (jpackage takes the package's icon from its resource dir)
# Needs: ImageMagick (convert), icnsutils (png2icns); a JDK only for --redraw.
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = "--redraw" ] || [ ! -f convscope.png ]; then
  JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  "$JAVA" DrawIcon.java convscope.png
fi
# No time stamps or other metadata: the same source gives the same files.
STRIP=(-strip -define png:exclude-chunks=date,time)
mkdir -p png
for n in 16 24 32 48 64 128 256 512; do
  convert convscope.png -filter Lanczos -resize ${n}x${n} "${STRIP[@]}" png/convscope-$n.png
done
convert png/convscope-{16,24,32,48,64,128,256}.png convscope.ico
png2icns convscope.icns convscope.png png/convscope-{16,32,48,128,256,512}.png >/dev/null
cp png/convscope-512.png ../linux/ConvScope.png
ls -l convscope.png convscope.ico convscope.icns png/
