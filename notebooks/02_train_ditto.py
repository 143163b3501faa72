# Databricks notebook source
# MAGIC %md
# MAGIC # 02 · Fine-tune a Ditto matcher, log it to MLflow, register it in Unity Catalog as `champion`
# MAGIC
# MAGIC A pre-trained transformer reads `left [SEP] right` (Ditto's serialization) and classifies match /
# MAGIC no match. Training examples are augmented with Ditto's operators (span deletion, span shuffle,
# MAGIC attribute deletion, attribute shuffle). The decision threshold is chosen on the validation split
# MAGIC (best F1) and logged; test F1 decides whether the new version becomes `champion`.

# COMMAND ----------

# MAGIC %pip install -q "transformers==4.44.2" "torch==2.3.1" "mlflow==2.16.2"

# COMMAND ----------

# Restart Python so the versions just installed are the ones imported below.
dbutils.library.restartPython()

# COMMAND ----------

# MAGIC %run ./ditto_serialization

# COMMAND ----------

dbutils.widgets.text("catalog", "entity_matching")
dbutils.widgets.text("pairs_table", "models.ditto_training_pairs")
dbutils.widgets.text("model_name", "models.ditto_matcher")
# A folder in a Unity Catalog Volume holding roberta-base (config, tokenizer, weights), so training
# needs no internet: e.g. /Volumes/entity_matching/models/weights/roberta-base. Left empty, the
# model is downloaded from the Hugging Face Hub, which workspaces without outbound access cannot do.
dbutils.widgets.text("base_model", "")
dbutils.widgets.text("epochs", "10")
dbutils.widgets.text("batch_size", "32")
dbutils.widgets.text("learning_rate", "3e-5")
dbutils.widgets.text("max_length", "256")
dbutils.widgets.dropdown("augment", "all", ["none", "all", "span_del", "span_shuffle", "attr_del", "attr_shuffle"])
dbutils.widgets.text("min_test_f1", "0.0")

w = {k: dbutils.widgets.get(k) for k in ["catalog", "pairs_table", "model_name", "base_model", "epochs", "batch_size", "learning_rate", "max_length", "augment", "min_test_f1"]}
catalog = w["catalog"]
model_name = f"{catalog}.{w['model_name']}"
ditto_self_check()

# COMMAND ----------

import random

import os

import numpy as np
import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

pairs = spark.table(f"{catalog}.{w['pairs_table']}").toPandas()
assert list(pairs.columns) == TRAINING_PAIR_COLUMNS, list(pairs.columns)
splits = {name: pairs[pairs.split == name].reset_index(drop=True) for name in ["train", "valid", "test"]}
rng = random.Random(42)
torch.manual_seed(42)
train = list(zip(splits["train"].left, splits["train"].right, splits["train"].label))
if w["augment"] != "none":
    train += [(*augment_pair(l, r, w["augment"], rng), y) for l, r, y in train]
rng.shuffle(train)

device = "cuda" if torch.cuda.is_available() else "cpu"
base_model = w["base_model"].strip() or "roberta-base"
offline = base_model.startswith("/Volumes/")
if offline:
    os.environ["HF_HUB_OFFLINE"] = "1"  # never reach for the Hub when the weights are in a Volume
else:
    print(f"base_model is not a /Volumes/ path: downloading {base_model} from the Hugging Face Hub.")
tokenizer = AutoTokenizer.from_pretrained(base_model, local_files_only=offline)
model = AutoModelForSequenceClassification.from_pretrained(base_model, num_labels=2, local_files_only=offline).to(device)
max_length = int(w["max_length"])


def encode(lefts, rights):
    return tokenizer(list(lefts), list(rights), truncation=True, max_length=max_length, padding=True, return_tensors="pt").to(device)


def probabilities(lefts, rights, batch=128):
    model.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(lefts), batch):
            logits = model(**encode(lefts[i : i + batch], rights[i : i + batch])).logits
            out.extend(torch.softmax(logits, dim=-1)[:, 1].tolist())
    return np.array(out)

# COMMAND ----------

batch_size, epochs = int(w["batch_size"]), int(w["epochs"])
optimizer = torch.optim.AdamW(model.parameters(), lr=float(w["learning_rate"]))
steps = epochs * ((len(train) + batch_size - 1) // batch_size)
scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=0, num_training_steps=steps)
for epoch in range(epochs):
    model.train()
    for i in range(0, len(train), batch_size):
        lefts, rights, labels = zip(*train[i : i + batch_size])
        loss = model(**encode(lefts, rights), labels=torch.tensor(labels, device=device)).loss
        loss.backward()
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
    print(f"epoch {epoch + 1}/{epochs}: last batch loss {loss.item():.4f}")

# COMMAND ----------


def f1_at(p, y, threshold):
    predicted = p >= threshold
    tp = int((predicted & (y == 1)).sum())
    precision = tp / max(1, int(predicted.sum()))
    recall = tp / max(1, int((y == 1).sum()))
    return 0.0 if tp == 0 else 2 * precision * recall / (precision + recall), precision, recall


valid_p = probabilities(splits["valid"].left.tolist(), splits["valid"].right.tolist())
valid_y = splits["valid"].label.to_numpy()
threshold = max(np.arange(0.05, 0.96, 0.01), key=lambda t: f1_at(valid_p, valid_y, t)[0])
test_p = probabilities(splits["test"].left.tolist(), splits["test"].right.tolist())
test_f1, test_precision, test_recall = f1_at(test_p, splits["test"].label.to_numpy(), threshold)
print(f"threshold {threshold:.2f} (best validation F1 {f1_at(valid_p, valid_y, threshold)[0]:.4f}); test F1 {test_f1:.4f}")

# COMMAND ----------

import mlflow
import pandas as pd
from mlflow.models import infer_signature
from mlflow.tracking import MlflowClient


class DittoModel(mlflow.pyfunc.PythonModel):
    """Serving contract: dataframe_records of {left, right} -> predictions [{match_probability}]."""

    def load_context(self, context):
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        self.tokenizer = AutoTokenizer.from_pretrained(context.artifacts["model"])
        self.model = AutoModelForSequenceClassification.from_pretrained(context.artifacts["model"]).eval()
        self.max_length = int(context.model_config.get("max_length", 256))

    def predict(self, context, model_input, params=None):
        import torch

        out = []
        with torch.no_grad():
            for i in range(0, len(model_input), 64):
                chunk = model_input.iloc[i : i + 64]
                enc = self.tokenizer(list(chunk["left"]), list(chunk["right"]), truncation=True, max_length=self.max_length, padding=True, return_tensors="pt")
                out.extend(torch.softmax(self.model(**enc).logits, dim=-1)[:, 1].tolist())
        return pd.DataFrame({"match_probability": out})


local_dir = "/local_disk0/ditto_model"
model.save_pretrained(local_dir)
tokenizer.save_pretrained(local_dir)
example = splits["valid"][SERVING_COLUMNS].head(3)
signature = infer_signature(example, pd.DataFrame({"match_probability": [0.5] * len(example)}))

mlflow.set_registry_uri("databricks-uc")
with mlflow.start_run(run_name="ditto") as run:
    mlflow.log_params({k: w[k] for k in ["base_model", "epochs", "batch_size", "learning_rate", "max_length", "augment"]})
    mlflow.log_metrics({"threshold": float(threshold), "test_f1": test_f1, "test_precision": test_precision, "test_recall": test_recall, "training_pairs": len(train)})
    info = mlflow.pyfunc.log_model(
        "ditto",
        python_model=DittoModel(),
        artifacts={"model": local_dir},
        model_config={"max_length": max_length},
        signature=signature,
        input_example=example,
        pip_requirements=["transformers==4.44.2", "torch==2.3.1", "pandas"],
        registered_model_name=model_name,
    )

client = MlflowClient()
version = info.registered_model_version
client.set_model_version_tag(model_name, version, "threshold", f"{threshold:.2f}")
if test_f1 >= float(w["min_test_f1"]):
    client.set_registered_model_alias(model_name, "champion", version)
    print(f"{model_name} v{version} is now champion (test F1 {test_f1:.4f}; set em's pairAcceptThreshold near {threshold:.2f})")
else:
    print(f"{model_name} v{version} registered, not promoted: test F1 {test_f1:.4f} < {w['min_test_f1']}")
