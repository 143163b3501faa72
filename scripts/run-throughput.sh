#!/usr/bin/env bash
# Usage: scripts/run-throughput.sh REPO OUTDIR
# `em run --full` throughput of REPO's em on the companies dev set (../shared/data/companies:
# 16,981 reference rows, 9,993 sources), with a model trained on gold_dev.csv. Runs twice and
# prints each run's entities/s and CPU time. To compare two commits, run it on both, back to
# back on the same machine (one worktree per commit, each with node_modules installed).
set -euo pipefail
REPO=$(cd "$1" && pwd); OUT=$2; rm -rf "$OUT"; mkdir -p "$OUT"
EM="$REPO/node_modules/.bin/tsx --conditions=@em/source $REPO/packages/cli/src/bin.ts"
D=$(cd "$REPO/.." && pwd)/shared/data/companies
[ -d "$D" ] || { echo "run-throughput: $D is absent (the companies benchmark lives in ../shared/data)" >&2; exit 2; }
DB=$OUT/em.duckdb
$EM init --db "$DB" >/dev/null
$EM ingest reference "$D/reference.csv" --db "$DB" >/dev/null 2>&1
$EM ingest source "$D/source_dev.csv" --db "$DB" >/dev/null 2>&1
$EM train --labels "$D/gold_dev.csv" --db "$DB" >/dev/null 2>&1
$EM index --db "$DB" >/dev/null 2>&1
for i in 1 2; do
  echo "run $i (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -f "  process: wall %e s, user %U s, sys %S s" $EM run --full --db "$DB" 2>&1 | grep -a "entities/s\|process:"
done
