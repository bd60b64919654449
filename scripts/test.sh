#!/usr/bin/env bash
# Runs every test of OnePasswordGraph on a fresh machine: installs Java, the local Neo4j and Chromium when missing, builds, and
# runs the unit and integration tests (the integration tests start and stop their own throwaway Neo4j unless
# NEO4J_URL points at one), and checks every Cypher statement the project can send with Neo4j's own Cypher 5 and
# Cypher 25 analyser (scripts/cypher-lint.sh, after the tests). Prints the Neo4j version the integration
# tests ran against, the lint's counts, the fault suite's figures and a closing "N passed, N failed" line, in which each statement the lint
# rejects counts as a failure.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
results=$repo_root/artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

scripts/neo4j.sh install >/dev/null
scripts/cypher-lint.sh install >/dev/null
# The report's integration test opens the page in Debian's headless Chromium.
if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing Debian's chromium package (once)"
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build OnePasswordGraph.sln -c Release -nologo -clp:ErrorsOnly

# The catalog test writes every statement the project can send, for the Cypher lint after the tests.
statements=$results/cypher-statements.json
lint_log=$results/cypher-lint.log
CYPHER_LINT_STATEMENTS=$statements dotnet test tests/OnePasswordGraph.Tests -c Release --no-build --nologo \
  --filter "FullyQualifiedName~CypherStatementCatalogTests" --verbosity quiet >"$results/cypher-catalog.log" 2>&1 \
  || { cat "$results/cypher-catalog.log"; echo "cypher-lint: the statement catalog test failed; see above"; }

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
# Linting takes minutes of CPU; it runs after the tests so that it cannot slow their timed waits.
lint_status=0
{ scripts/cypher-lint.sh self-test && scripts/cypher-lint.sh lint "$statements"; } >"$lint_log" 2>&1 || lint_status=$?
grep -E "^(cypher-lint(\.sh)?: |    at )" "$lint_log" || tail -n 20 "$lint_log"
if [ "$lint_status" -ne 0 ]; then
  status=1
  # A lint that could not run at all (no catalog, failed self-test) counts as one failure.
  lint_failed=$(sed -n 's/^cypher-lint: .* clean, \([0-9]*\) with diagnostics.*/\1/p' "$lint_log")
  failed=$((failed + (${lint_failed:-0} > 0 ? ${lint_failed:-0} : 1)))
fi
# The fault suite (tests/OnePasswordGraph.IntegrationTests/Faults) writes a row of figures per scenario.
if [ -f "$results/fault-figures.md" ]; then echo; cat "$results/fault-figures.md"; echo; fi
echo "$passed passed, $failed failed"
if [ "$status" -eq 0 ] && [ "$failed" -gt 0 ]; then status=1; fi
if [ "$passed" -eq 0 ]; then status=1; fi
exit "$status"
