#!/usr/bin/env bash
# Builds the Linux installer of Rare Earth Dashboard: a runtime made by jlink, an app image made by jpackage, a
# .deb made from that image, then the image's start-up archive. Run by Maven's package phase, which passes the
# arguments; usage: build.sh BASEDIR VERSION JAR OUTDIR JAVA_HOME REQUIRED
#
# REQUIRED=true (`mvn -Pinstaller package`): a missing tool fails the build. Otherwise (a plain `mvn verify`) a
# machine without the tools skips the installer, saying why in OUTDIR/NOT-BUILT.txt, and the installer test
# reports itself skipped.
set -euo pipefail
basedir=$1 version=$2 jar=$3 out=$4 jdk=$5 required=${6:-true}
name=rare-earth-dashboard
here="$basedir/src/installer/linux"

fail() { echo "installer: $*" >&2; exit 1; }
missing() {
    if [ "$required" = true ]; then fail "$*"; fi
    echo "installer: not built: $*" >&2
    mkdir -p "$out" && echo "$*" > "$out/NOT-BUILT.txt"
    exit 0
}
rm -rf "$out"
for tool in "$jdk/bin/jlink" "$jdk/bin/jpackage"; do
    [ -x "$tool" ] || missing "$tool not found: the installer needs a full JDK 17 or later (with jlink and jpackage)"
done
[ -d "$jdk/jmods" ] || missing "$jdk/jmods not found: jlink needs the JDK's jmods (Debian: openjdk-17-jdk)"
for tool in dpkg-deb fakeroot; do
    command -v "$tool" > /dev/null || missing "$tool not found: the .deb needs it (Debian: apt-get install dpkg-dev fakeroot)"
done
case "$(uname -m)" in
    x86_64|amd64) sqlite_arch=x86_64 ;;
    aarch64|arm64) sqlite_arch=aarch64 ;;
    *) missing "no SQLite library is bundled for $(uname -m)" ;;
esac
[ -f "$jar" ] || fail "$jar not found: run the package phase first"

mkdir -p "$out/input" "$out/extract"
cp "$jar" "$out/input/$name.jar"
# Native libraries beside the jar: JavaFX looks there before unpacking its own copies into the user's home, and
# the launcher points SQLite's driver there (org.sqlite.lib.path), so a start unpacks nothing.
(cd "$out/extract" && "$jdk/bin/jar" xf "$out/input/$name.jar" $("$jdk/bin/jar" tf "$out/input/$name.jar" \
    | grep -E "^lib[a-z0-9_]+\.so$|^org/sqlite/native/Linux/$sqlite_arch/libsqlitejdbc\.so$"))
find "$out/extract" -name '*.so' -exec cp {} "$out/input/" \;
[ -f "$out/input/libsqlitejdbc.so" ] || fail "SQLite's library for Linux/$sqlite_arch is not in $jar"
[ -f "$out/input/libglass.so" ] || fail "JavaFX's libraries for Linux are not in $jar"
install -m 755 "$here/make-class-archive" "$out/input/make-class-archive"
# The menu entry and the icons, which the package's postinst puts where desktops look for them.
install -m 644 "$here/$name.desktop" "$out/input/$name.desktop"
mkdir -p "$out/input/icons"
for size in 16 32 48 64 128 256 512; do
    install -m 644 "$basedir/icons/$name-$size.png" "$out/input/icons/"
done

# The runtime: the JDK modules the app and its libraries use (jdeps --print-module-deps on the jar, plus TLS
# for quote feeds, locale data and charsets for files from other systems), with the JDK's own CDS archive.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml
modules=$modules,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop,jdk.jsobject,jdk.xml.dom
modules=$modules,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs
# PostgreSQL team stores: Kerberos (GSSAPI) logins, where a server asks for them.
modules=$modules,java.security.jgss
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --generate-cds-archive --output "$out/runtime"

common=(--name "$name" --app-version "$version" --vendor "Rare Earth Dashboard"
    --description "Rare-earth policy analytics: stock reactions, the NdPr price-support gap and the export-restriction timeline"
    --copyright "Rare Earth Dashboard")

"$jdk/bin/jpackage" --type app-image "${common[@]}" --dest "$out/app-image" \
    --input "$out/input" --main-jar "$name.jar" --main-class org.rareearth.dashboard.cli.Launcher \
    --runtime-image "$out/runtime" --icon "$basedir/icons/$name-256.png"
# The image's command is the shell launcher beside this script (its comments say why and which JVM options);
# jpackage's own launcher, its library and its settings file go.
image="$out/app-image/$name"
sed "s/@VERSION@/$version/" "$here/launcher.sh" > "$image/bin/$name"
chmod 755 "$image/bin/$name"
rm -f "$image/lib/libapplauncher.so" "$image/lib/app/$name.cfg"

# xz at level 1 unless the caller sets another: 16 s instead of 47 s for a package 12 % larger (70 MB).
export DPKG_DEB_COMPRESSOR_LEVEL=${DPKG_DEB_COMPRESSOR_LEVEL:-1}
"$jdk/bin/jpackage" --type deb "${common[@]}" --dest "$out" --app-image "$out/app-image/$name" \
    --linux-package-name "$name" --linux-deb-maintainer "maintainers@rare-earth-dashboard.invalid" \
    --linux-app-category misc \
    --resource-dir "$here/resources"

# The app image's own archive, made after the .deb so the package does not carry one tied to this folder.
"$out/app-image/$name/lib/app/make-class-archive"
rm -rf "$out/extract" "$out/input"
ls "$out"/*.deb
