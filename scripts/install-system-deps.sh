#!/usr/bin/env bash
# Installs the system packages atento's tests need on Debian/Ubuntu when run as root.
# Otherwise it only checks, and says exactly what to install.
#   chromium       browser tests (@web/test-runner) and screenshots
#   g++ make python3  better-sqlite3 compiles from source during `npm ci` (its prebuilt download
#                     is unreachable here)
#   dovecot-imapd  IMAP tests run against a throwaway Dovecot (test/support/dovecot.ts)
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v make >/dev/null 2>&1 || need+=(make)
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)

if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "system packages: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  echo "system packages: installed ${need[*]}"
else
  echo "system packages missing: ${need[*]}" >&2
  echo "install them with: sudo apt-get install -y ${need[*]}" >&2
  echo "(or point CHROME_PATH at any Chromium/Chrome binary for the browser tests)" >&2
  exit 1
fi
