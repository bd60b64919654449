#!/usr/bin/env bash
# Backfills a 200,000-event simulator scenario (or the count given) into a fresh local Neo4j and prints events per
# second, Events API requests and the sync process's peak memory, then how long the whole alert pack takes over the graph.
# Not part of the tests.
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
count=${1:-200000}
dir=$(mktemp -d /tmp/opg-bench-neo4j.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
password="bench-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
trap 'scripts/neo4j.sh stop --dir "$dir"; rm -rf "$dir"' EXIT
scripts/neo4j.sh start --dir "$dir" --http-port "$port" --password "$password" --watch-pid $$
dotnet build src/OnePasswordGraph.Benchmarks -c Release -nologo -clp:ErrorsOnly
NEO4J_URL="http://127.0.0.1:$port" NEO4J_USER=neo4j NEO4J_PASSWORD="$password" \
  dotnet src/OnePasswordGraph.Benchmarks/bin/Release/net10.0/OnePasswordGraph.Benchmarks.dll "$count"
