# Databricks notebook source
# MAGIC %md
# MAGIC # 03 · Reference search table and Vector Search index
# MAGIC
# MAGIC A Delta table with the reference columns em reads back (Change Data Feed on, as delta-sync needs),
# MAGIC kept in line with `bronze.reference_entities` by MERGE, and a delta-sync index over it with
# MAGIC managed embeddings (`databricks-gte-large-en` embeds `company_name`). em queries it with
# MAGIC `query_text` (HYBRID by default) and reads `score` from the reply.

# COMMAND ----------

# MAGIC %pip install -q "databricks-vectorsearch==0.40"

# COMMAND ----------

# Restart Python so the package just installed is the one imported below.
dbutils.library.restartPython()

# COMMAND ----------

dbutils.widgets.text("catalog", "entity_matching")
dbutils.widgets.text("endpoint_name", "em-vector-search")
dbutils.widgets.text("index_name", "models.reference_index")
dbutils.widgets.text("embedding_model", "databricks-gte-large-en")

catalog = dbutils.widgets.get("catalog")
endpoint_name = dbutils.widgets.get("endpoint_name")
index_name = f"{catalog}.{dbutils.widgets.get('index_name')}"
source_table = f"{catalog}.models.reference_search"
COLUMNS = ["ciq_id", "company_name", "ticker", "lei", "cusip", "isin", "country", "industry", "sector", "market_cap"]

# COMMAND ----------

spark.sql(f"CREATE SCHEMA IF NOT EXISTS {catalog}.models COMMENT 'Ditto training pairs, reference search table, models'")
spark.sql(
    f"""CREATE TABLE IF NOT EXISTS {source_table} ({', '.join(f'{c} STRING' for c in COLUMNS)}, content_hash STRING)
    TBLPROPERTIES (delta.enableChangeDataFeed = true)"""
)
spark.sql(
    f"""MERGE INTO {source_table} AS t
    USING (SELECT {', '.join(COLUMNS)}, content_hash FROM {catalog}.bronze.reference_entities) AS s
    ON t.ciq_id = s.ciq_id
    WHEN MATCHED AND t.content_hash <> s.content_hash THEN UPDATE SET *
    WHEN NOT MATCHED THEN INSERT *
    WHEN NOT MATCHED BY SOURCE THEN DELETE"""
)

# COMMAND ----------

from databricks.vector_search.client import VectorSearchClient

vsc = VectorSearchClient(disable_notice=True)
if endpoint_name not in [e["name"] for e in vsc.list_endpoints().get("endpoints", [])]:
    vsc.create_endpoint(name=endpoint_name, endpoint_type="STANDARD")
vsc.wait_for_endpoint(endpoint_name, verbose=True)

existing = [i["name"] for i in vsc.list_indexes(endpoint_name).get("vector_indexes", [])]
if index_name in existing:
    index = vsc.get_index(endpoint_name, index_name)
    index.sync()
else:
    index = vsc.create_delta_sync_index(
        endpoint_name=endpoint_name,
        index_name=index_name,
        source_table_name=source_table,
        pipeline_type="TRIGGERED",
        primary_key="ciq_id",
        embedding_source_column="company_name",
        embedding_model_endpoint_name=dbutils.widgets.get("embedding_model"),
        columns_to_sync=COLUMNS,
    )
index.wait_until_ready(verbose=True)

# COMMAND ----------

hits = index.similarity_search(query_text="Apple Computer Inc.", columns=COLUMNS, num_results=5, query_type="HYBRID")
names = [c["name"] for c in hits["manifest"]["columns"]]
assert "score" in names, names
display(spark.createDataFrame([dict(zip(names, map(str, row))) for row in hits["result"]["data_array"]]))
