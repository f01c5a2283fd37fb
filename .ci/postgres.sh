#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the PostgreSQL store tests and prints the connection string on its last line.
# Installs the Debian package `postgresql` when no server binaries are present (non-interactive). The cluster lives in a
# temporary folder owned by the `postgres` user (initdb refuses to run as root) and listens on 127.0.0.1 only.
# Usage: conn=$(bash .ci/postgres.sh [PORT]); export VENDORSCREEN_POSTGRES="$conn"
set -euo pipefail
port="${1:-54329}"

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

if ! bin=$(find_bin); then
  echo "== installing postgresql (Debian package)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  bin=$(find_bin)
fi

if [ "$(id -u)" -eq 0 ]; then
  run_as=(runuser -u postgres --)
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
else
  run_as=()
fi

data="${VENDORSCREEN_POSTGRES_DATA:-/tmp/vendorscreen-postgres-$port}"
if [ -f "$data/postmaster.pid" ] && "${run_as[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  echo "== PostgreSQL already running on port $port ($data)" >&2
else
  rm -rf "$data"
  mkdir -p "$data"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$data"
  chmod 700 "$data"
  "${run_as[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  "${run_as[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$data -c fsync=off" start >&2
fi

"${run_as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'vendorscreen_test'" | grep -q 1 \
  || "${run_as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE vendorscreen_test" >&2
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=vendorscreen_test"
