#!/usr/bin/env bash
# Runs only the fault suite (tests/OnePasswordGraph.IntegrationTests/Faults): the real `sync` and `run` processes
# against the simulators and a Neo4j of the suite's own, with faults injected (kill -9, Neo4j outages, Events API and
# Connect failures through a proxy, competing writers, a soak), each checked against the scenario's ground truth. Prints
# the figures table (artifacts/test-results/fault-figures.md) at the end.
usage() {
  cat <<'USAGE'
Usage: scripts/faults.sh [--profile short|long] [--seed N]

  --profile short   the default: about 10 minutes on two busy cores (4 random kill points and 2 milestones, a 10 s
                    Neo4j outage, Retry-After up to 3 s, competing writers for 1 minute, a 1-minute soak)
  --profile long    the issue's figures, for the benchmark machine (one to two hours): 20 random kill points and 2
                    milestones, a 60 s outage, Retry-After up to 60 s, competing writers for 10 minutes, a 30-minute soak
  --seed N          repeat a run's random kill points (the table's first line names the seed it used)
Exit codes: 0 every scenario held, 1 a scenario failed (see the output and the table), 2 a wrong option.
USAGE
}
set -euo pipefail

profile=short seed=""
while [ $# -gt 0 ]; do
  case $1 in
    --profile) profile=${2:-}; shift 2 ;;
    --seed) seed=${2:-}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
case $profile in short|long) ;; *) usage >&2; exit 2 ;; esac

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
figures=$repo_root/artifacts/test-results/fault-figures.md
scripts/neo4j.sh install >/dev/null
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 FAULTS_PROFILE=$profile
if [ -n "$seed" ]; then export FAULTS_SEED=$seed; fi
dotnet build OnePasswordGraph.sln -c Release -nologo -clp:ErrorsOnly
status=0
dotnet test tests/OnePasswordGraph.IntegrationTests -c Release --no-build --nologo \
  --filter "FullyQualifiedName~OnePasswordGraph.IntegrationTests.Faults." --logger "console;verbosity=minimal" || status=$?
echo
if [ -f "$figures" ]; then cat "$figures"; else echo "faults.sh: no figures were written ($figures)"; fi
exit "$status"
