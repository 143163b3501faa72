# Databricks notebook source
# MAGIC %md
# MAGIC # 04 · Serve the `champion` Ditto model on Model Serving
# MAGIC
# MAGIC Creates the endpoint (or points it at the version behind the alias), waits until it is ready,
# MAGIC and sends the contract's sample pair: `dataframe_records` of `{left, right}` in, one
# MAGIC `match_probability` per row out — what em's ServingPairScorer sends and reads.

# COMMAND ----------

# MAGIC %run ./ditto_serialization

# COMMAND ----------

dbutils.widgets.text("catalog", "entity_matching")
dbutils.widgets.text("model_name", "models.ditto_matcher")
dbutils.widgets.text("alias", "champion")
dbutils.widgets.text("endpoint_name", "em-ditto")
dbutils.widgets.dropdown("workload_size", "Small", ["Small", "Medium", "Large"])

model_name = f"{dbutils.widgets.get('catalog')}.{dbutils.widgets.get('model_name')}"
endpoint_name = dbutils.widgets.get("endpoint_name")
ditto_self_check()

# COMMAND ----------

from datetime import timedelta

import mlflow
from databricks.sdk import WorkspaceClient
from databricks.sdk.service.serving import EndpointCoreConfigInput, ServedEntityInput

mlflow.set_registry_uri("databricks-uc")
version = mlflow.MlflowClient().get_model_version_by_alias(model_name, dbutils.widgets.get("alias")).version
entity = ServedEntityInput(
    name=f"{model_name.split('.')[-1]}-{version}",
    entity_name=model_name,
    entity_version=str(version),
    workload_size=dbutils.widgets.get("workload_size"),
    scale_to_zero_enabled=True,
)
w = WorkspaceClient()
if endpoint_name in [e.name for e in w.serving_endpoints.list()]:
    w.serving_endpoints.update_config_and_wait(name=endpoint_name, served_entities=[entity], timeout=timedelta(minutes=45))
else:
    w.serving_endpoints.create_and_wait(name=endpoint_name, config=EndpointCoreConfigInput(served_entities=[entity]), timeout=timedelta(minutes=45))

# COMMAND ----------

sample = serialize_pair({"company_name": "Apple Computer Inc.", "ticker": "AAPL"}, {"company_name": "Apple Inc.", "ticker": "AAPL"})
reply = w.serving_endpoints.query(name=endpoint_name, dataframe_records=[sample])
prediction = reply.predictions[0]
p = prediction["match_probability"] if isinstance(prediction, dict) else prediction
assert 0.0 <= float(p) <= 1.0, reply.predictions
print(f"{endpoint_name} serves {model_name} v{version}; sample match probability {float(p):.3f}")
