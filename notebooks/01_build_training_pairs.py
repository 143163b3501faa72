# Databricks notebook source
# MAGIC %md
# MAGIC # 01 · Build labelled Ditto pairs
# MAGIC
# MAGIC Positives come from a gold standard table (`source_id, source_system, true_ciq_id`) or from human
# MAGIC review decisions (`gold.review_decisions`); negatives are the reference rows a blocking key puts
# MAGIC next to each source (hard negatives) plus a few random ones. Each pair is serialized exactly as
# MAGIC em's TypeScript client serializes it for Model Serving (`ditto_serialization`), and split
# MAGIC train/valid/test by a hash of the source key so a source never straddles splits.

# COMMAND ----------

# MAGIC %run ./ditto_serialization

# COMMAND ----------

dbutils.widgets.text("catalog", "entity_matching")
dbutils.widgets.dropdown("labels_from", "gold_standard", ["gold_standard", "review_decisions"])
dbutils.widgets.text("gold_standard_table", "bronze.gold_standard")
dbutils.widgets.text("negatives_per_source", "4")
dbutils.widgets.text("output_table", "models.ditto_training_pairs")

catalog = dbutils.widgets.get("catalog")
labels_from = dbutils.widgets.get("labels_from")
negatives_per_source = int(dbutils.widgets.get("negatives_per_source"))
output_table = f"{catalog}.{dbutils.widgets.get('output_table')}"
ditto_self_check()

# COMMAND ----------

from pyspark.sql import functions as F
from pyspark.sql.window import Window

sources = spark.table(f"{catalog}.bronze.source_entities")
reference = spark.table(f"{catalog}.bronze.reference_entities")

if labels_from == "gold_standard":
    truth = spark.table(f"{catalog}.{dbutils.widgets.get('gold_standard_table')}").where("true_ciq_id IS NOT NULL AND true_ciq_id <> ''")
    positives = truth.select("source_id", "source_system", F.col("true_ciq_id").alias("ciq_id"), F.lit(1).alias("label"))
    known_wrong = None
else:
    decisions = spark.table(f"{catalog}.gold.review_decisions")
    latest = decisions.withColumn("n", F.row_number().over(Window.partitionBy("source_id", "source_system").orderBy(F.desc("decided_at")))).where("n = 1")
    positives = latest.where("after_ciq_id IS NOT NULL").select("source_id", "source_system", F.col("after_ciq_id").alias("ciq_id"), F.lit(1).alias("label"))
    # What the cascade proposed and a reviewer rejected is a labelled negative.
    known_wrong = latest.where("before_ciq_id IS NOT NULL AND (after_ciq_id IS NULL OR before_ciq_id <> after_ciq_id)").select(
        "source_id", "source_system", F.col("before_ciq_id").alias("ciq_id"), F.lit(0).alias("label")
    )

# COMMAND ----------

# Hard negatives: reference rows sharing the first name token (a cheap blocking key), ranked at random.
first_token = lambda c: F.lower(F.split(F.regexp_replace(F.col(c), r"[^\p{L}\p{N} ]", ""), " ").getItem(0))
labelled = positives.select("source_id", "source_system")
blocked = (
    sources.join(labelled, ["source_id", "source_system"]).withColumn("block", first_token("company_name"))
    .join(reference.select("ciq_id", first_token("company_name").alias("block")), "block")
    .join(positives.select("source_id", "source_system", F.col("ciq_id").alias("true_id")), ["source_id", "source_system"])
    .where("ciq_id <> true_id")
    .withColumn("n", F.row_number().over(Window.partitionBy("source_id", "source_system").orderBy(F.rand(17))))
    .where(F.col("n") <= negatives_per_source)
    .select("source_id", "source_system", "ciq_id", F.lit(0).alias("label"))
)
random_negatives = (
    labelled.crossJoin(reference.select("ciq_id").orderBy(F.rand(23)).limit(1000))
    .withColumn("n", F.row_number().over(Window.partitionBy("source_id", "source_system").orderBy(F.rand(29))))
    .where("n = 1")
    .select("source_id", "source_system", "ciq_id", F.lit(0).alias("label"))
    .join(positives.select("source_id", "source_system", "ciq_id"), ["source_id", "source_system", "ciq_id"], "left_anti")
)
pairs = positives.unionByName(blocked).unionByName(random_negatives)
if known_wrong is not None:
    pairs = pairs.unionByName(known_wrong)
pairs = pairs.dropDuplicates(["source_id", "source_system", "ciq_id"])

# COMMAND ----------

import pandas as pd

left_cols = [F.col(f"s.{a}").alias(f"l_{a}") for a in ATTRIBUTES]
right_cols = [F.col(f"r.{a}").alias(f"r_{a}") for a in ATTRIBUTES]
joined = (
    pairs.alias("p")
    .join(sources.alias("s"), ["source_id", "source_system"])
    .join(reference.alias("r"), F.col("p.ciq_id") == F.col("r.ciq_id"))
    .select("p.source_id", "p.source_system", F.col("p.ciq_id"), "p.label", *left_cols, *right_cols)
)


@F.pandas_udf("left string, right string")
def serialize(left: pd.DataFrame, right: pd.DataFrame) -> pd.DataFrame:
    lefts = [serialize_for_ditto(row) for row in left.rename(columns=lambda c: c[2:]).to_dict("records")]
    rights = [serialize_for_ditto(row) for row in right.rename(columns=lambda c: c[2:]).to_dict("records")]
    return pd.DataFrame({"left": lefts, "right": rights})


bucket = F.abs(F.xxhash64("source_system", "source_id")) % 10
training_pairs = (
    joined.withColumn("pair", serialize(F.struct(*[f"l_{a}" for a in ATTRIBUTES]), F.struct(*[f"r_{a}" for a in ATTRIBUTES])))
    .select(
        F.concat_ws("|", "source_system", "source_id", "ciq_id").alias("pair_id"),
        F.col("pair.left").alias("left"),
        F.col("pair.right").alias("right"),
        F.col("label").cast("int").alias("label"),
        F.when(bucket < 8, "train").when(bucket < 9, "valid").otherwise("test").alias("split"),
    )
)
assert training_pairs.columns == TRAINING_PAIR_COLUMNS, training_pairs.columns
spark.sql(f"CREATE SCHEMA IF NOT EXISTS {catalog}.models")
training_pairs.write.mode("overwrite").option("overwriteSchema", "true").saveAsTable(output_table)
display(spark.table(output_table).groupBy("split", "label").count().orderBy("split", "label"))
