# Databricks notebook source
# MAGIC %md
# MAGIC # Ditto serialization and augmentation (shared by 01, 02 and 04 via `%run ./ditto_serialization`)
# MAGIC
# MAGIC Must produce exactly what `@em/core`'s `serializeForDitto` produces, because the TypeScript
# MAGIC client sends pairs serialized by core to the model trained here. Both sides are tested against
# MAGIC `packages/databricks-client/src/__fixtures__/ditto-contract.json` (see notebooks/tests/).

# COMMAND ----------

import math
import random
import re

# The attributes em serializes for a company, in order (core: DITTO_COMPANY_ATTRIBUTES).
ATTRIBUTES = ["company_name", "ticker", "country", "industry", "lei", "isin", "cusip"]
# Columns of the serving request (`dataframe_records`) and of the training pairs table.
SERVING_COLUMNS = ["left", "right"]
TRAINING_PAIR_COLUMNS = ["pair_id", "left", "right", "label", "split"]

_BREAKS = re.compile(r"[\t\r\n]")


def ditto_value(value):
    """One attribute value as Ditto text: missing -> '', tabs and line breaks -> one space each."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return ""
        text = str(int(value)) if value.is_integer() else repr(value)
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value)
    return _BREAKS.sub(" ", text)


def serialize_for_ditto(record, attributes=ATTRIBUTES):
    """`COL <attr> VAL <value> ` for each attribute, in order (the text ends with a space)."""
    out = []
    for attribute in attributes:
        if not attribute or re.search(r"\s", attribute):
            raise ValueError(f"Ditto attribute names must be non-empty with no whitespace: {attribute!r}")
        out.append(f"COL {attribute} VAL {ditto_value(record.get(attribute))} ")
    return "".join(out)


def serialize_pair(left, right, attributes=ATTRIBUTES):
    return {"left": serialize_for_ditto(left, attributes), "right": serialize_for_ditto(right, attributes)}


# COMMAND ----------

# Ditto's data augmentation operators (Li et al., "Deep Entity Matching with Pre-Trained Language
# Models", VLDB 2021, section 4): span deletion, span shuffle, attribute deletion, attribute shuffle.
# They work on one serialized record; training applies one to one side of a pair.


def parse_fields(text):
    """The inverse of serialize_for_ditto: [(attribute, value), ...] (core: parseDittoRecord)."""
    fields = []
    at = 0
    while text.strip() and at < len(text):
        attribute_end = text.find(" VAL ", at + 4)
        if attribute_end < 0 and text.endswith(" VAL"):
            fields.append((text[at + 4 : -4], ""))
            break
        if attribute_end < 0 or not text.startswith("COL ", at):
            raise ValueError(f"Not a Ditto record at character {at + 1}: {text[:60]!r}")
        value_start = attribute_end + 5
        following = text.find(" COL ", value_start)
        attribute = text[at + 4 : attribute_end]
        if following < 0:
            rest = text[value_start:]
            fields.append((attribute, rest[:-1] if rest.endswith(" ") else rest))
            break
        fields.append((attribute, text[value_start:following]))
        at = following + 1
    return fields


def join_fields(fields):
    return "".join(f"COL {a} VAL {v} " for a, v in fields)


def _pick_multi_token_field(fields, rng):
    choices = [i for i, (_, v) in enumerate(fields) if len(v.split(" ")) >= 2]
    return rng.choice(choices) if choices else None


def span_del(text, rng):
    fields = parse_fields(text)
    i = _pick_multi_token_field(fields, rng)
    if i is None:
        return text
    tokens = fields[i][1].split(" ")
    length = rng.randint(1, min(4, len(tokens) - 1))
    start = rng.randint(0, len(tokens) - length)
    fields[i] = (fields[i][0], " ".join(tokens[:start] + tokens[start + length :]))
    return join_fields(fields)


def span_shuffle(text, rng):
    fields = parse_fields(text)
    i = _pick_multi_token_field(fields, rng)
    if i is None:
        return text
    tokens = fields[i][1].split(" ")
    length = rng.randint(2, min(4, len(tokens)))
    start = rng.randint(0, len(tokens) - length)
    span = tokens[start : start + length]
    rng.shuffle(span)
    fields[i] = (fields[i][0], " ".join(tokens[:start] + span + tokens[start + length :]))
    return join_fields(fields)


def attr_del(text, rng):
    fields = parse_fields(text)
    if len(fields) < 2:
        return text
    del fields[rng.randrange(len(fields))]
    return join_fields(fields)


def attr_shuffle(text, rng):
    fields = parse_fields(text)
    rng.shuffle(fields)
    return join_fields(fields)


AUGMENTATIONS = {"span_del": span_del, "span_shuffle": span_shuffle, "attr_del": attr_del, "attr_shuffle": attr_shuffle}


def augment_pair(left, right, op, rng):
    """Apply one operator ('all' picks one at random) to one side of the pair."""
    name = rng.choice(sorted(AUGMENTATIONS)) if op == "all" else op
    fn = AUGMENTATIONS[name]
    return (fn(left, rng), right) if rng.random() < 0.5 else (left, fn(right, rng))


# COMMAND ----------


def ditto_self_check():
    """Fail fast when this copy drifted from the contract (a sample from ditto-contract.json)."""
    record = {"company_name": "Apple Computer Inc.", "ticker": None, "country": "United States", "industry": "A\tB"}
    expected = "COL company_name VAL Apple Computer Inc. COL ticker VAL  COL country VAL United States COL industry VAL A B COL lei VAL  COL isin VAL  COL cusip VAL  "
    assert serialize_for_ditto(record) == expected, serialize_for_ditto(record)
    assert parse_fields(expected)[3] == ("industry", "A B")
    rng = random.Random(7)
    for name, fn in AUGMENTATIONS.items():
        assert fn(expected, rng).startswith("COL "), name
    return True
