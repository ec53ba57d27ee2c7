#!/usr/bin/env bash
# Debian packages tiescreen needs to build: PyICU (pulled in by followthemoney through
# normality) compiles against ICU with pkg-config and g++. Installs them when run as root,
# otherwise says what to install.
set -euo pipefail
PKGS="pkg-config libicu-dev g++ python3-dev python3-venv"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "installing Debian packages: $PKGS" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PKGS >/dev/null
else
  echo "PyICU (needed by followthemoney) builds against ICU; install first:" >&2
  echo "  sudo apt-get install -y $PKGS" >&2
  exit 1
fi
