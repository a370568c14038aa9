#!/usr/bin/env bash
# Installs Debian's OpenSSH server when it is missing, for the SSH transport's integration tests.
# Idempotent: does nothing but check when /usr/sbin/sshd is there. The tests start their own
# private sshd on a loopback port; the system sshd is never started here.
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo "$@"
  fi
}

if [ ! -x /usr/sbin/sshd ]; then
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends openssh-server
fi

# sshd refuses to start without its privilege separation directory.
if [ ! -d /run/sshd ]; then
  as_root mkdir -p /run/sshd
  as_root chmod 0755 /run/sshd
fi

/usr/sbin/sshd -V 2>&1 | head -n 1 || true
