# pg-hub.sh — a real PostgreSQL 15 for a test: its own cluster in a temp
# folder, on a unix socket only, stopped (and removed) when the test exits.
# Source it after tap.sh; then: hub_start, hub_stop, hub_restart, hub_psql.
# As root (CI) the server runs as the user postgres (or nobody): PostgreSQL
# refuses to run as root. The administrator logs in with a password from a
# 0600 PGPASSFILE, as a hub administrator would.
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || dirname "$(command -v pg_ctl)")}
PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/axw-pg-XXXXXX")
PGPORT=$((20000 + RANDOM % 20000))
PG_AS=()
if [ "$(id -u)" = 0 ]; then
  if id postgres >/dev/null 2>&1; then PG_USER=postgres; else PG_USER=nobody; fi
  PG_AS=(runuser -u "$PG_USER" --)
  chown "$PG_USER" "$PGDIR"
fi
chmod 755 "$PGDIR"
export PGPASSFILE="$WORK/admin.pgpass"
echo "*:*:*:axw_admin:admin-secret" >"$PGPASSFILE"
chmod 600 "$PGPASSFILE"
ADMIN_URL="postgresql://axw_admin@/district?host=$PGDIR&port=$PGPORT"

hub_stop () {
  [ -f "$PGDIR/data/postmaster.pid" ] && "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m "${1:-fast}" -w stop >/dev/null 2>&1
  return 0
}

hub_cleanup () {
  hub_stop immediate
  rm -rf "$PGDIR" "$WORK"
}
trap hub_cleanup EXIT

hub_server_start () {
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$PGDIR' -p $PGPORT -c fsync=${PG_FSYNC:-off} ${PG_EXTRA:-}" start >/dev/null
}

hub_start () {
  echo admin-secret >"$PGDIR/pw"
  [ ${#PG_AS[@]} -gt 0 ] && chown "$PG_USER" "$PGDIR/pw"
  "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PGDIR/data" -U axw_admin --pwfile="$PGDIR/pw" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 || { cat "$PGDIR/initdb.log" >&2; return 1; }
  rm -f "$PGDIR/pw"
  hub_server_start || { cat "$PGDIR/log" >&2; return 1; }
  hub_psql postgres -c "CREATE DATABASE district" >/dev/null
}

hub_restart () {  # hub_restart [immediate]: a crash when immediate
  hub_stop "${1:-fast}"
  hub_server_start
}

hub_psql () {  # hub_psql DB ARGS...: as the administrator
  local db=$1; shift
  psql -X -q -v ON_ERROR_STOP=1 -At "postgresql://axw_admin@/$db?host=$PGDIR&port=$PGPORT" "$@"
}
