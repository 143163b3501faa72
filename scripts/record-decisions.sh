#!/usr/bin/env bash
# Usage: scripts/record-decisions.sh REPO OUTDIR
# Records the decisions REPO's em makes on the demo (seed 42) and on ../shared/data/companies
# (trained on the hash-half of gold_dev.csv, seed 1, run on all 9,993 sources), so two commits
# can be compared: `cmp A/companies.core B/companies.core` (source, matched id, confidence to 9
# decimals, needs_review). *.decisions add the method and cost_usd columns.
set -euo pipefail
REPO=$1; OUT=$2; mkdir -p "$OUT"; rm -rf "$OUT/work"; mkdir -p "$OUT/work"
EM="$REPO/node_modules/.bin/tsx --conditions=@em/source $REPO/packages/cli/src/bin.ts"
cd "$OUT/work"
# demo
$EM demo --dir demo --json > "$OUT/demo.json" 2>"$OUT/demo.err"
# companies: train on hash-half, run on all dev
D=$(cd "$REPO/.." && pwd)/shared/data/companies
[ -d "$D" ] || { echo "record-decisions: $D is absent (the companies benchmark lives in ../shared/data)" >&2; exit 2; }
$EM init --db c.duckdb >/dev/null
$EM ingest reference $D/reference.csv --db c.duckdb >/dev/null 2>&1
$EM ingest source $D/source_dev.csv --db c.duckdb >/dev/null 2>&1
$EM train --labels $D/gold_dev.csv --label-fraction 0.5 --seed 1 --db c.duckdb > "$OUT/train.txt" 2>&1
$EM run --db c.duckdb > "$OUT/run.txt" 2>&1
$EM stats --db c.duckdb > "$OUT/stats.txt" 2>&1 || true
for db in demo/em.duckdb c.duckdb; do
  name=$(basename $(dirname $db/x))_$(basename $db .duckdb)
  node --input-type=module -e "
import { DuckDBInstance } from '$REPO/node_modules/@duckdb/node-api/lib/index.js';
const i = await DuckDBInstance.create('$db', {access_mode:'READ_ONLY'}); const c = await i.connect();
const r = await c.runAndReadAll(\"select source_system, source_id, coalesce(matched_ciq_id,'-') m, round(match_confidence,9) c, needs_review, match_method, cost_usd from gold.matched_entities order by 1,2\");
for (const row of r.getRows()) console.log(row.join('|'));
" > "$OUT/$(echo $db | tr / _).decisions"
done
cut -d'|' -f1-5 "$OUT/demo_em.duckdb.decisions" > "$OUT/demo.core"
cut -d'|' -f1-5 "$OUT/c.duckdb.decisions" > "$OUT/companies.core"
wc -l "$OUT"/*.core
