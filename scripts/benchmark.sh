#!/usr/bin/env bash
# Backfills a 200,000-event simulator scenario (or --events N) into a fresh local Neo4j, after a warm-up, first with the
# real sync and then with a plain UNWIND … MERGE loader of the same events (bare, and with what the data model adds to
# each row), and prints the rates and the sync's ratio to each loader, the rates over the first and last 20% of the backfill, CPU time, the sync's peak memory and Events API requests, a
# caught-up poll, the graph's size and the alert pack's time, with the load average. Options: see
# src/OnePasswordGraph.Benchmarks/BenchmarkOptions.cs (--events N, --seed N, --baseline, --no-baseline, --no-alerts,
# --warm-up N). Not part of the tests.
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
dir=$(mktemp -d /tmp/opg-bench-neo4j.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
password="bench-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
trap 'scripts/neo4j.sh stop --dir "$dir"; rm -rf "$dir"' EXIT
scripts/neo4j.sh start --dir "$dir" --http-port "$port" --password "$password" --watch-pid $$
dotnet build src/OnePasswordGraph.Benchmarks -c Release -nologo -clp:ErrorsOnly
NEO4J_URL="http://127.0.0.1:$port" NEO4J_USER=neo4j NEO4J_PASSWORD="$password" NEO4J_DIR="$dir" \
  dotnet src/OnePasswordGraph.Benchmarks/bin/Release/net10.0/OnePasswordGraph.Benchmarks.dll "$@"
