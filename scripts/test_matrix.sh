#!/usr/bin/env bash
# Run `make test` and `make demo` on other QGIS versions, each in a Debian chroot made with debootstrap.
#
#   scripts/test_matrix.sh [SUITE ...]        default: trixie sid   (trixie = QGIS 3.40 LTR, sid = 3.44)
#   MATRIX_TARGETS="test"  scripts/test_matrix.sh trixie    only `make test`
#   MATRIX_REBUILD=1       scripts/test_matrix.sh sid       build the chroot again from scratch
#
# Why chroots: the machines that build this project run one Debian release, users run QGIS 3.22 up to
# 3.44. A chroot holds another release's QGIS, Python, numpy, shapely and GEOS exactly as its users get
# them from apt, with no virtual machine. Each chroot is cached in $MATRIX_CACHE (default
# /var/cache/friches-matrix/<suite>) and reused; it is rebuilt when missing or when MATRIX_REBUILD=1.
# The chroot installs from the host's own package sources: its apt mirrors (same URIs, the suite's
# name), apt proxy settings, pip configuration and CA certificates are copied in. Inside, the
# repository's committed HEAD is cloned afresh and the README's two commands run unchanged, so the
# chroot also checks that a newcomer on that release needs no hand step.
# Needs root (debootstrap, chroot, mount); the chroot's mounts are undone on exit.
set -euo pipefail

SUITES=("$@")
[ ${#SUITES[@]} -gt 0 ] || SUITES=(trixie sid)
CACHE=${MATRIX_CACHE:-/var/cache/friches-matrix}
TARGETS=${MATRIX_TARGETS:-test demo}
REPO=$(cd "$(dirname "$0")/.." && pwd)
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

log() { printf '\n>>> [%s] %s\n' "$(date +%T)" "$*"; }

# The host's Debian mirror and security mirror (deb822 or one-line sources), so the chroot downloads
# from the same place as the host (a local mirror or a proxy cache included).
host_mirror() {
  local kind=$1 uri=""
  uri=$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' \
        | grep -E "debian${kind}/?$" | head -n1 || true)
  [ -n "$uri" ] || uri=$(grep -hsE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
        | awk '{for (i = 2; i <= NF; i++) if ($i !~ /^\[/) {print $i; break}}' | grep -E "debian${kind}/?$" | head -n1 || true)
  if [ -z "$uri" ]; then
    if [ -z "$kind" ]; then uri=http://deb.debian.org/debian; else uri=http://deb.debian.org/debian-security; fi
  fi
  echo "${uri%/}"
}

copy_host_config() {
  local root=$1 suite=$2 mirror security
  mirror=$(host_mirror "")
  security=$(host_mirror "-security")
  {
    echo "deb $mirror $suite main"
    if [ "$suite" != sid ] && [ "$suite" != unstable ]; then
      echo "deb $mirror $suite-updates main"
      echo "deb $security $suite-security main"
    fi
  } > "$root/etc/apt/sources.list"
  # apt settings that say how to reach the mirrors (proxy, validity checks), never the host's suites
  for f in /etc/apt/apt.conf.d/*; do
    [ -f "$f" ] && grep -qiE 'proxy|Acquire::' "$f" && cp "$f" "$root/etc/apt/apt.conf.d/"
  done
  # pip configuration and the CA certificates the host trusts (a proxy's own CA included)
  [ -f /etc/pip.conf ] && cp /etc/pip.conf "$root/etc/pip.conf"
  if [ -d /etc/xdg/pip ]; then mkdir -p "$root/etc/xdg" && cp -r /etc/xdg/pip "$root/etc/xdg/"; fi
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  cp /etc/hosts "$root/etc/hosts" 2>/dev/null || true
}

build_chroot() {
  local suite=$1 root=$2 mirror
  mirror=$(host_mirror "")
  command -v debootstrap >/dev/null || { $SUDO apt-get update -q && $SUDO apt-get install -y -q debootstrap; }
  log "$suite: debootstrap from $mirror into $root"
  $SUDO rm -rf "$root"
  $SUDO mkdir -p "$root"
  $SUDO debootstrap --variant=minbase --include=ca-certificates,git,make "$suite" "$root" "$mirror"
  copy_host_config "$root" "$suite"
  in_chroot "$root" "update-ca-certificates >/dev/null 2>&1 || true"
  $SUDO touch "$root/.friches-ready"
}

MOUNTED=()
mount_chroot() {
  local root=$1
  $SUDO mount -t proc proc "$root/proc" && MOUNTED+=("$root/proc")
  $SUDO mount --rbind /dev "$root/dev" && $SUDO mount --make-rslave "$root/dev" && MOUNTED+=("$root/dev")
  $SUDO mount --rbind /sys "$root/sys" && $SUDO mount --make-rslave "$root/sys" && MOUNTED+=("$root/sys")
  $SUDO mkdir -p "$root/src"
  $SUDO mount --bind -o ro "$REPO" "$root/src" 2>/dev/null || $SUDO mount --bind "$REPO" "$root/src"
  MOUNTED+=("$root/src")
  if [ -d /opt/wheels ]; then  # pip's find-links on this host
    $SUDO mkdir -p "$root/opt/wheels" && $SUDO mount --bind /opt/wheels "$root/opt/wheels" && MOUNTED+=("$root/opt/wheels")
  fi
}

unmount_all() {
  local i
  for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
    $SUDO umount -R "${MOUNTED[$i]}" 2>/dev/null || $SUDO umount -l "${MOUNTED[$i]}" 2>/dev/null || true
  done
  MOUNTED=()
}
trap unmount_all EXIT

in_chroot() {
  local root=$1; shift
  local envs=(HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
              DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen)
  local var
  for var in $(env | grep -oE '^(PIP_[A-Z_]+|[A-Z_]*CA_?(BUNDLE|CERTS?)[A-Z_]*|SSL_CERT_[A-Z_]+|https?_proxy|HTTPS?_PROXY|no_proxy|NO_PROXY)=' | tr -d =); do
    envs+=("$var=${!var}")
  done
  $SUDO chroot "$root" /usr/bin/env -i "${envs[@]}" /bin/bash -c "$*"
}

status=0
for suite in "${SUITES[@]}"; do
  root="$CACHE/$suite"
  start=$(date +%s)
  if [ "${MATRIX_REBUILD:-0}" = 1 ] || [ ! -f "$root/.friches-ready" ]; then
    build_chroot "$suite" "$root"
  else
    log "$suite: cached chroot $root"
    copy_host_config "$root" "$suite"
  fi
  mount_chroot "$root"
  log "$suite: fresh clone of $(git -C "$REPO" rev-parse --short HEAD), then make ${TARGETS}"
  # every target runs even when one fails, so that one run shows everything that breaks on that release
  cmd="set -e; rm -rf /root/friches; git clone -q /src /root/friches; cd /root/friches; . /etc/os-release;"
  cmd+=" echo \"\$PRETTY_NAME\"; failed=;"
  for target in $TARGETS; do
    cmd+=" echo '>>> make $target'; SECONDS=0; make $target || failed=\"\$failed $target\";"
    cmd+=" echo \">>> make $target: \${SECONDS} s\";"
  done
  cmd+=" if [ -n \"\$failed\" ]; then echo \">>> failed:\$failed\"; exit 1; fi"
  if in_chroot "$root" "$cmd"; then
    log "$suite: passed in $(( $(date +%s) - start )) s"
  else
    log "$suite: FAILED after $(( $(date +%s) - start )) s"
    status=1
  fi
  unmount_all
done
exit $status
