#!/usr/bin/env bash
# Installs the .deb `make package` built, as a user would, and checks what it installed:
# the CLI, its man pages and completions, the desktop entry, icons and metainfo (with
# their validators), then the installed app on a new user's home (tests/installed),
# installing the package again over it with the data kept, and removing it with the
# data left in place. Needs root or sudo, Xvfb and tauri-driver (`make test` has them).
#
#   packaging/linux/install-test.sh TARGET_DIR
# No `| grep -q` under pipefail: grep -q stops reading at the first match, the writer
# then dies of SIGPIPE and the pipeline fails although the line was there.
set -euo pipefail
target=$(realpath "$1")
sudo=$([ "$(id -u)" = 0 ] || echo sudo)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
deb="$target/release/bundle/deb/folio_${version}_amd64.deb"
rpm="$target/release/bundle/rpm/folio-${version}-1.x86_64.rpm"
step() { printf '\n== %s\n' "$*"; }
fail() { printf 'install-test: %s\n' "$*" >&2; exit 1; }

step "the packages"
[ -f "$deb" ] || fail "$deb is missing: run make package"
[ -f "$rpm" ] || fail "$rpm is missing: run make package"
dpkg-deb --info "$deb"
depends=$(dpkg-deb --field "$deb" Depends)
case "$depends" in *libwebkit2gtk-4.1-0*) ;; *) fail "the .deb does not depend on WebKitGTK 4.1: $depends" ;; esac
case "$depends" in *-dev*) fail "the .deb depends on a development package: $depends" ;; esac
rpm -qip "$rpm"
rpm -qlp "$rpm" | grep -x /usr/bin/folio >/dev/null || fail "the .rpm lacks /usr/bin/folio"
rpm -qlp "$rpm" | grep -x /usr/share/metainfo/app.folio.desktop.metainfo.xml >/dev/null || fail "the .rpm lacks the metainfo"
ls -l "$deb" "$rpm"
[ "$(stat -c %s "$deb")" -lt 15000000 ] || fail "the .deb has grown past 15 MB"

step "install"
$sudo apt-get remove -y -qq folio >/dev/null 2>&1 || true
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb"
[ "$(folio --version)" = "folio $version" ] || fail "folio --version says $(folio --version)"
env -u DISPLAY -u WAYLAND_DISPLAY folio themes | grep modern >/dev/null || fail "folio needs no display"
man -w folio >/dev/null && man -w folio-pdf >/dev/null || fail "the man pages are not installed"
MANWIDTH=80 man folio 2>/dev/null | grep "Build a portfolio of what you led" >/dev/null || fail "man folio does not describe folio"
bash -c 'source /usr/share/bash-completion/completions/folio && complete -p folio' || fail "no bash completion"
[ -s /usr/share/zsh/vendor-completions/_folio ] && [ -s /usr/share/fish/vendor_completions.d/folio.fish ] \
	|| fail "no zsh or fish completion"
desktop-file-validate /usr/share/applications/folio.desktop
grep -q '^Categories=Office;' /usr/share/applications/folio.desktop || fail "the desktop entry is not in Office"
appstreamcli validate --no-net /usr/share/metainfo/app.folio.desktop.metainfo.xml
for size in 32 64 128 256 512; do
	[ -s "/usr/share/icons/hicolor/${size}x${size}/apps/folio-desktop.png" ] || fail "no ${size} px icon"
done
for licence in LICENSE copyright fonts/OFL-Noto.txt fonts/LICENSE-DroidSansFallback.txt; do
	[ -s "/usr/share/doc/folio/$licence" ] || fail "no /usr/share/doc/folio/$licence"
done

step "the installed app, as a new user"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
FOLIO_INSTALL_HOME="$home" xvfb-run -a -s "-screen 0 1920x1080x24" \
	cargo test --locked -p folio-e2e --test installed -- --nocapture
db="$home/.local/share/folio/folio.db"
stats=$(HOME="$home" folio stats --json)
grep -q '"caseStudies": *[1-9]' <<<"$stats" || fail "the new user's portfolio is empty: $stats"

step "install again over it"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "$deb"
[ "$(HOME="$home" folio stats --json)" = "$stats" ] || fail "the portfolio changed when the package was installed again"

step "remove"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq folio
for gone in /usr/bin/folio /usr/bin/folio-desktop /usr/share/applications/folio.desktop; do
	[ ! -e "$gone" ] || fail "$gone is still there after removing the package"
done
[ -s "$db" ] || fail "removing the package removed the user's data"
echo "install-test: all good; the portfolio is still in $db"
