#!/bin/sh
# Starts Rare Earth Dashboard on its bundled runtime: the window with no arguments, a command with them
# (rare-earth-dashboard --help). Replaces jpackage's own launcher, which on JDK 17 asks rpm and dpkg which package
# owns it on every start (eight processes, about 180 ms on a two-core machine; BENCHMARKS.md).
#
# The JVM options a jar cannot set for itself:
# - the start-up archive (AppCDS), used when valid and ignored otherwise (-Xshare:auto);
# - JVM warnings (a stale archive, say) on standard error, never in a command's output (info --json);
# - SQLite's and JavaFX's native libraries from the app's folder, so a start unpacks nothing;
# - the serial collector: a desktop app's small heap, and it starts sooner than G1;
# - C2 compiles later than its defaults, so the two compilers do not crowd a start (long work still gets C2);
# - a price import (import-prices) compiles with C1 only: its time is SQLite's, native, and C2's compiles would
#   take the second core from the file's parsing (BENCHMARKS.md). Every other command and the window keep C2.
self=$(readlink -f "$0")
root=$(dirname "$(dirname "$self")")
app="$root/lib/app"
jit=
for arg in "$@"; do
    if [ "$arg" = import-prices ]; then
        jit=-XX:TieredStopAtLevel=1
        break
    fi
done
exec "$root/lib/runtime/bin/java" \
    -XX:SharedArchiveFile="$app/rare-earth-dashboard.jsa" -Xshare:auto \
    -Xlog:all=off -Xlog:all=warning:stderr \
    -Dorg.sqlite.lib.path="$app" -Dorg.sqlite.lib.name=libsqlitejdbc.so \
    -XX:+UseSerialGC \
    -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=20000 -XX:Tier4CompileThreshold=60000 \
    -XX:Tier4BackEdgeThreshold=400000 ${jit:+"$jit"} \
    -Djpackage.app-version=@VERSION@ \
    -cp "$app/rare-earth-dashboard.jar" org.rareearth.dashboard.cli.Launcher "$@"
