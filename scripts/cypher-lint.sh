#!/usr/bin/env bash
# Checks Cypher with Neo4j's own parser and semantic analysis for Cypher 5 and Cypher 25: the npm package
# @neo4j-cypher/language-support at the version pinned by tools/cypher-lint/package-lock.json, installed with npm ci
# into the same cache as the local Neo4j (scripts/neo4j.sh). Needs only Node 20+ and npm.
#
#   scripts/cypher-lint.sh install              installs the pinned package (cached in .cache/cypher-lint) and prints its node_modules
#   scripts/cypher-lint.sh self-test            proves the lint reports broken statements and passes good ones
#   scripts/cypher-lint.sh lint STATEMENTS.json lints [{name, text}] (written by the CypherStatementCatalogTests test
#                                               when CYPHER_LINT_STATEMENTS names the file); exits 1 on any diagnostic
#                                               other than undeclared parameters or schema-less label/property warnings
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tool_dir=$repo_root/tools/cypher-lint
lock_hash=$(sha256sum "$tool_dir/package-lock.json" | cut -c1-16)
install_dir=${ONEPASSWORDGRAPH_CACHE:-$repo_root/.cache}/cypher-lint/$lock_hash

log() { echo "cypher-lint.sh: $*" >&2; }

ensure_installed() {
  if [ -f "$install_dir/node_modules/@neo4j-cypher/language-support/package.json" ]; then return; fi
  command -v npm >/dev/null 2>&1 || { log "Node.js and npm are needed (Node 20 or later)"; exit 1; }
  log "installing the pinned @neo4j-cypher/language-support into $install_dir"
  local staging
  mkdir -p "$(dirname "$install_dir")"
  staging=$(mktemp -d "$(dirname "$install_dir")/staging.XXXXXX")
  cp "$tool_dir/package.json" "$tool_dir/package-lock.json" "$staging/"
  # The package declares Node 24 as its engine but runs under Node 20; npm only warns about that.
  (cd "$staging" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  rm -rf "$install_dir"
  mv "$staging" "$install_dir"
}

case ${1:-} in
  install) ensure_installed; echo "$install_dir/node_modules" ;;
  self-test) ensure_installed; node "$tool_dir/lint.mjs" --modules "$install_dir/node_modules" --self-test ;;
  lint)
    [ -n "${2:-}" ] || { log "usage: cypher-lint.sh lint STATEMENTS.json"; exit 2; }
    [ -f "$2" ] || { log "$2 does not exist: run the unit tests with CYPHER_LINT_STATEMENTS=$2 first"; exit 1; }
    ensure_installed
    node "$tool_dir/lint.mjs" --modules "$install_dir/node_modules" "$2" ;;
  *) log "usage: cypher-lint.sh install|self-test|lint STATEMENTS.json"; exit 2 ;;
esac
