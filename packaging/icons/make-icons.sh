#!/usr/bin/env bash
# Regenerates Veil's icons from veil.svg: veil.png (Linux, 256 px), veil.ico (Windows, 16-256 px)
# and veil.icns (macOS, 16-512 px). Needs ImageMagick 6+ and python3. The results are committed,
# so builds do not need either tool.
set -euo pipefail
cd "$(dirname "$0")"
IM=$(command -v convert-im6 || command -v magick || command -v convert)

render() { # size, output
  "$IM" -background none -density 192 veil.svg -resize "$1x$1" -depth 8 -strip "PNG32:$2"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in 16 32 48 64 128 256 512; do render "$s" "$tmp/$s.png"; done

cp "$tmp/256.png" veil.png
"$IM" "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/256.png" veil.ico

# ICNS: "icns", total length, then (OSType, length incl. 8-byte header, PNG bytes) per size.
python3 - "$tmp" <<'PY'
import struct, sys, pathlib
tmp = pathlib.Path(sys.argv[1])
entries = [(b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512)]
body = b"".join(t + struct.pack(">I", 8 + len(d)) + d
                for t, d in ((t, (tmp / f"{s}.png").read_bytes()) for t, s in entries))
pathlib.Path("veil.icns").write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY
echo "wrote $(pwd)/veil.png veil.ico veil.icns"
