#!/usr/bin/env bash
# Stages what the Linux packages install besides the app, its icons and desktop entry
# (which the Tauri bundler adds): the `folio` command, its man pages and completions, the AppStream
# metainfo, the guide, the licences and the screenshots. Prints the bundler config that
# puts the staged tree in both the .deb and the .rpm.
#
#   packaging/linux/stage.sh RELEASE_DIR STAGE_DIR > STAGE_DIR/bundle.json
set -euo pipefail
release=$(realpath "$1")
mkdir -p "$2"
stage=$(realpath "$2")
repo=$(realpath "$(dirname "$0")/../..")
root="$stage/root"
rm -rf "$root"
doc="$root/usr/share/doc/folio"

# `folio` is the app's binary run under that name (see folio-desktop's main.rs): one
# copy of the fonts, renderer and SQLite instead of two.
install -Dm755 /dev/stdin "$root/usr/bin/folio" <<'SH'
#!/bin/bash
# folio, the command line of Folio: the app's program, run under the name folio.
exec -a folio /usr/bin/folio-desktop "$@"
SH
mkdir -p "$root/usr/share/man/man1"
"$release/folio" man-pages "$root/usr/share/man/man1"
gzip -9n "$root"/usr/share/man/man1/*.1
"$release/folio" completions bash | install -Dm644 /dev/stdin "$root/usr/share/bash-completion/completions/folio"
"$release/folio" completions zsh | install -Dm644 /dev/stdin "$root/usr/share/zsh/vendor-completions/_folio"
"$release/folio" completions fish | install -Dm644 /dev/stdin "$root/usr/share/fish/vendor_completions.d/folio.fish"
install -Dm644 "$repo/packaging/linux/app.folio.desktop.metainfo.xml" "$root/usr/share/metainfo/app.folio.desktop.metainfo.xml"
install -Dm644 "$repo/README.md" "$doc/README.md"
install -Dm644 "$repo/LICENSE" "$doc/LICENSE"
install -Dm644 "$repo/packaging/linux/copyright" "$doc/copyright"
for f in README.md OFL-Noto.txt LICENSE-DroidSansFallback.txt; do
	install -Dm644 "$repo/assets/fonts/$f" "$doc/fonts/$f"
done
for f in screenshot-1920-edition.png screenshot-1920-case-study-dark.png screenshot-760-case-study.png; do
	install -Dm644 "$repo/docs/$f" "$doc/screenshots/$f"
done

cat <<JSON
{ "bundle": { "linux": {
  "deb": { "files": { "/usr": "$root/usr" } },
  "rpm": { "files": { "/usr": "$root/usr" } }
} } }
JSON
