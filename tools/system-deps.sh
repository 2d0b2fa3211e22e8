#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing (run as root on a fresh machine).
set -euo pipefail
need=()
# chromium: the dashboard's browser tests (test/e2e); installed with its Recommends (fonts).
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# redis-server: the distributed-ensemble tests start their own on a free loopback port (test/setup/redis.ts).
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if ((${#need[@]})); then
  if [ "$(id -u)" != 0 ]; then echo "missing Debian packages: ${need[*]} (run as root or install them)" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
