#!/usr/bin/env bash
# A private, throwaway PostgreSQL cluster for the tests and for development: no systemd, no
# system-wide service, nothing outside the folder it is given.
#
#   eng/postgres.sh start DIR [PORT]   initdb in DIR, start on 127.0.0.1 (PORT, default 55432, or the
#                                      next free one), create role and database "ivr"; print the
#                                      connection string (with its password) as the only stdout line
#   eng/postgres.sh stop DIR           stop the cluster started in DIR (nothing if none is running)
#
# Run as root it runs the server as the "postgres" user (DIR is made reachable with chmod 711);
# as another user it runs it as that user. It needs /usr/lib/postgresql/*/bin (Debian: apt-get
# install -y postgresql; .ci/run installs it when missing). Messages go to stderr.
set -euo pipefail

say() { echo "postgres.sh: $*" >&2; }

bin_dir() {
  local initdb
  initdb=$(ls -1 /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$initdb" ] || { say "no PostgreSQL found (/usr/lib/postgresql/*/bin/initdb); install it: apt-get install -y postgresql"; exit 1; }
  dirname "$initdb"
}

# Runs a PostgreSQL tool as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  local dir=$1 port=${2:-55432} bin password
  bin=$(bin_dir)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  chmod 711 "$dir"  # the postgres user must reach its data folder inside (mktemp -d makes 700)
  mkdir -p "$dir/pg"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/pg"

  # Another cluster (another checkout's tests) may hold the port: take the next free one.
  local tries=0
  while port_taken "$port"; do
    tries=$((tries + 1))
    [ "$tries" -lt 50 ] || { say "no free port from $((port - tries + 1)) to $port"; exit 1; }
    port=$((port + 1))
  done

  as_owner "$bin/initdb" -D "$dir/pg/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 >"$dir/pg/initdb.log" 2>&1 \
    || { say "initdb failed; see $dir/pg/initdb.log"; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" \
    -o "-p $port -k $dir/pg -c listen_addresses=127.0.0.1 -c fsync=on" -w start >/dev/null \
    || { say "the server did not start; see $dir/pg/server.log"; exit 1; }

  password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
  as_owner "$bin/psql" -q -v ON_ERROR_STOP=1 -h "$dir/pg" -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE ivr LOGIN PASSWORD '$password';" -c "CREATE DATABASE ivr OWNER ivr;" >/dev/null \
    || { say "creating role and database ivr failed"; exit 1; }
  echo "$port" >"$dir/port"
  say "PostgreSQL $(basename "$(dirname "$bin")") on 127.0.0.1:$port, data in $dir/pg/data (stop: eng/postgres.sh stop $dir)"
  echo "Host=127.0.0.1;Port=$port;Username=ivr;Password=$password;Database=ivr"
}

stop() {
  local dir=$1 bin
  [ -f "$dir/pg/data/postmaster.pid" ] || return 0
  bin=$(bin_dir)
  as_owner "$bin/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null || say "pg_ctl stop failed; the server's PID is the first line of $dir/pg/data/postmaster.pid"
}

case "${1:-}" in
  start) [ $# -ge 2 ] || { say "usage: $0 start DIR [PORT]"; exit 2; }; start "$2" "${3:-55432}" ;;
  stop) [ $# -ge 2 ] || { say "usage: $0 stop DIR"; exit 2; }; stop "$2" ;;
  *) say "usage: $0 start DIR [PORT] | stop DIR"; exit 2 ;;
esac
