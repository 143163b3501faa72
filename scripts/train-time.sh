#!/usr/bin/env bash
# Usage: scripts/train-time.sh REPO OUTDIR [RUNS]
# Wall time of REPO's built `em train` without labels on the companies dev set
# (../shared/data/companies: 16,981 reference rows, 9,993 sources), index current. Runs RUNS
# times (default 3) and prints each run's wall and CPU time and the model version. To compare
# two commits, build both (npx turbo run build --filter=@em/cli...) and run this on each in turn.
set -euo pipefail
REPO=$(cd "$1" && pwd); OUT=$2; RUNS=${3:-3}; rm -rf "$OUT"; mkdir -p "$OUT"
EM="node $REPO/packages/cli/bin/em.js"
D=$(cd "$REPO/.." && pwd)/shared/data/companies
[ -d "$D" ] || { echo "train-time: $D is absent (the companies benchmark lives in ../shared/data)" >&2; exit 2; }
[ -f "$REPO/packages/cli/dist/bin.js" ] || { echo "train-time: build $REPO first (npx turbo run build --filter=@em/cli...)" >&2; exit 2; }
DB=$OUT/em.duckdb
$EM init --db "$DB" >/dev/null
$EM ingest reference "$D/reference.csv" --db "$DB" >/dev/null 2>&1
$EM ingest source "$D/source_dev.csv" --db "$DB" >/dev/null 2>&1
$EM index --db "$DB" >/dev/null 2>&1
for i in $(seq 1 "$RUNS"); do
  echo "run $i (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -f "  process: wall %e s, user %U s, sys %S s, peak RSS %M KB" $EM train --db "$DB" 2>&1 |
    grep -a "^Trained pair model\|process:" | sed 's/^Trained pair model \([a-z0-9-]*\).*/  model \1/'
done
