#!/bin/sh
# Writes the application class-data-sharing (AppCDS) archive of the Veil app image in $1:
# lib/app/veil.jsa, the classes listed in lib/app/veil.classlist, pre-parsed so that every start
# of the launcher (which passes -XX:SharedArchiveFile=$APPDIR/veil.jsa) maps them instead of
# loading them from the jar. Java 17 uses such an archive only at the path it was dumped at,
# so it is written where the image lies: by the build for target/jpackage/veil, by the .deb's
# postinst for /opt/veil. Without it (or with a stale one) Veil starts as fast as before.
set -e
image=$(cd "$1" && pwd -P)
app=$image/lib/app
"$image/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/veil.classlist" \
    -XX:SharedArchiveFile="$app/veil.jsa" -cp "$app/veil.jar" >/dev/null
