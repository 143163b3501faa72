# Databricks notebook source
# MAGIC %md
# MAGIC # 05 · The scheduled job: run em's cascade on Databricks
# MAGIC
# MAGIC `em deploy` creates the daily job that runs this notebook. It runs `em run --engine databricks`
# MAGIC (Node.js) with this workspace's host and the job's own token: new and changed sources in
# MAGIC `bronze.source_entities` go through exact identifiers (SQL), Vector Search, the Ditto endpoint
# MAGIC and a Foundation Model, and each batch is MERGEd into `gold.matched_entities`.

# COMMAND ----------

dbutils.widgets.text("catalog", "entity_matching")
dbutils.widgets.text("warehouse_id", "")
dbutils.widgets.text("vector_search_index", "")
dbutils.widgets.text("serving_endpoint", "em-ditto")
dbutils.widgets.text("foundation_model", "databricks-meta-llama-3-3-70b-instruct")
dbutils.widgets.text("em_version", "latest")
dbutils.widgets.dropdown("full", "false", ["false", "true"])
dbutils.widgets.text("config_json", "")

params = {k: dbutils.widgets.get(k).strip() for k in ["catalog", "warehouse_id", "vector_search_index", "serving_endpoint", "foundation_model", "em_version", "full", "config_json"]}
if not params["warehouse_id"]:
    raise ValueError("Set the warehouse_id job parameter (SQL Warehouses -> Connection details), e.g. em deploy --param warehouse_id=abc123.")

# COMMAND ----------

import json
import os
import pathlib
import shutil
import subprocess
import tarfile
import tempfile
import urllib.request

NODE_VERSION = "v20.19.0"


def node_bin():
    """A Node.js >= 20 on PATH, or a copy unpacked under /tmp (needs outbound HTTPS to nodejs.org)."""
    if shutil.which("node") and subprocess.run(["node", "-e", "process.exit(+process.versions.node.split('.')[0] < 20)"]).returncode == 0:
        return pathlib.Path(shutil.which("node")).parent
    target = pathlib.Path(tempfile.gettempdir()) / f"node-{NODE_VERSION}-linux-x64"
    if not target.exists():
        archive, _ = urllib.request.urlretrieve(f"https://nodejs.org/dist/{NODE_VERSION}/node-{NODE_VERSION}-linux-x64.tar.gz")
        with tarfile.open(archive) as tar:
            tar.extractall(target.parent)
    return target / "bin"


context = dbutils.notebook.entry_point.getDbutils().notebook().getContext()
env = {
    **os.environ,
    "PATH": f"{node_bin()}:{os.environ['PATH']}",
    "DATABRICKS_HOST": context.apiUrl().get(),
    "DATABRICKS_TOKEN": context.apiToken().get(),
    "DATABRICKS_WAREHOUSE_ID": params["warehouse_id"],
    "EM_CATALOG": params["catalog"],
    "EM_SERVING_ENDPOINT": params["serving_endpoint"],
    "EM_FOUNDATION_MODEL": params["foundation_model"],
}
if params["vector_search_index"]:
    env["EM_VECTOR_SEARCH_INDEX"] = params["vector_search_index"]

# COMMAND ----------

args = ["npx", "--yes", f"@em/cli@{params['em_version']}", "run", "--engine", "databricks", "--json"]
if params["full"] == "true":
    args.append("--full")
if params["config_json"]:
    config_path = pathlib.Path(tempfile.mkdtemp()) / "cascade.json"
    config_path.write_text(params["config_json"])
    args += ["--config", str(config_path)]

done = subprocess.run(args, env=env, capture_output=True, text=True)
print(done.stderr[-5000:])
if done.returncode != 0:
    raise RuntimeError(f"em run failed (exit {done.returncode}); see the output above.")
report = json.loads(done.stdout)
print(json.dumps(report, indent=2))
dbutils.notebook.exit(json.dumps({k: report.get(k) for k in ["runId", "processed", "autoMatched", "inReview", "noMatch", "costUsd"]}))
