#!/usr/bin/env bash
# Runs every test of OnePasswordGraph on a fresh machine: installs Java, the local Neo4j and Chromium when missing, builds, and
# runs the unit and integration tests (the integration tests start and stop their own throwaway Neo4j unless
# NEO4J_URL points at one). Prints the Neo4j version the integration tests ran against and a closing
# "N passed, N failed" line.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
results=$repo_root/artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

scripts/neo4j.sh install >/dev/null
# The report's integration test opens the page in Debian's headless Chromium.
if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing Debian's chromium package (once)"
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build OnePasswordGraph.sln -c Release -nologo -clp:ErrorsOnly

status=0
dotnet test OnePasswordGraph.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  -- xUnit.DiagnosticMessages=true 2>&1 | tee "$results/console.log" || status=$?

grep -h -o "Integration tests run against Neo4j [^ ]*" "$results/console.log" | head -n 1 || true
passed=0 failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
echo "$passed passed, $failed failed"
if [ "$status" -eq 0 ] && [ "$failed" -gt 0 ]; then status=1; fi
if [ "$passed" -eq 0 ]; then status=1; fi
exit "$status"
