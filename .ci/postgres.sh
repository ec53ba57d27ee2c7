#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the review store tests, on a Unix socket in a temp dir.
#
#   source .ci/postgres.sh     # exports TIESCREEN_TEST_PG; the cluster stops when the shell exits
#   bash .ci/postgres.sh       # starts it, prints the DSN and the command that stops it
#
# Installs Debian's postgresql package when it is absent (needs root and apt-get). Root
# cannot run postgres, so the server runs as the "postgres" user then. When PostgreSQL
# cannot be had, TIESCREEN_TEST_PG stays unset and the PostgreSQL tests skip with a reason.

_tiescreen_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true
}

_tiescreen_pg_start() {
  local bin dir run_as=()
  bin="$(_tiescreen_pg_bin)"
  if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "postgres.sh: installing postgresql (apt-get)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1; }
    bin="$(_tiescreen_pg_bin)"
  fi
  if [ -z "$bin" ]; then
    echo "postgres.sh: PostgreSQL is not installed; the PostgreSQL tests will skip" >&2
    return 0
  fi
  dir="$(mktemp -d /tmp/tiescreen-pg.XXXXXX)"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U tiescreen -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { echo "postgres.sh: initdb failed, see $dir/initdb.log" >&2; return 0; }
  "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-k $dir -c listen_addresses='' -c fsync=off -c full_page_writes=off" start >/dev/null \
    || { echo "postgres.sh: the server did not start, see $dir/server.log" >&2; return 0; }
  "$bin/createdb" -h "$dir" -U tiescreen tiescreen_test || { echo "postgres.sh: createdb failed" >&2; return 0; }
  export TIESCREEN_TEST_PG="postgresql://tiescreen@/tiescreen_test?host=$dir"
  TIESCREEN_TEST_PG_STOP="${run_as[*]} $bin/pg_ctl -D $dir/data -m immediate stop >/dev/null; rm -rf $dir"
  export TIESCREEN_TEST_PG_STOP
  echo "postgres.sh: TIESCREEN_TEST_PG=$TIESCREEN_TEST_PG" >&2
}

_tiescreen_pg_start
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced (by .ci/run): stop the cluster when the calling shell exits.
  [ -n "${TIESCREEN_TEST_PG_STOP:-}" ] && trap 'eval "$TIESCREEN_TEST_PG_STOP"' EXIT
else
  [ -n "${TIESCREEN_TEST_PG:-}" ] && { echo "export TIESCREEN_TEST_PG='$TIESCREEN_TEST_PG'"; echo "# stop: $TIESCREEN_TEST_PG_STOP"; }
fi
