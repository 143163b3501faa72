"""Check notebooks/ditto_serialization.py against the shared Ditto contract fixture.

Usage: python3 notebooks/tests/check_ditto_contract.py <ditto-contract.json>
Run by packages/databricks-client/test/notebooks.test.ts; the TypeScript side checks the same file
against @em/core's serializeForDitto.
"""
import importlib.util
import json
import pathlib
import random
import sys

here = pathlib.Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("ditto_serialization", here.parent / "ditto_serialization.py")
ditto = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ditto)

contract = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
assert ditto.ATTRIBUTES == contract["attributes"], (ditto.ATTRIBUTES, contract["attributes"])
assert ditto.SERVING_COLUMNS == contract["serving_request_columns"]
assert ditto.TRAINING_PAIR_COLUMNS == contract["training_pair_columns"]
for case in contract["cases"]:
    pair = ditto.serialize_pair(case["left_record"], case["right_record"])
    assert pair["left"] == case["left"], (case["name"], pair["left"], case["left"])
    assert pair["right"] == case["right"], (case["name"], pair["right"], case["right"])
    assert ditto.join_fields(ditto.parse_fields(case["left"])) == case["left"], case["name"]

assert ditto.ditto_self_check()
rng = random.Random(0)
for case in contract["cases"]:
    for op in list(ditto.AUGMENTATIONS) + ["all"]:
        left, right = ditto.augment_pair(case["left"], case["right"], op, rng)
        for text in (left, right):
            attributes = [a for a, _ in ditto.parse_fields(text)]
            assert set(attributes) <= set(contract["attributes"]), (op, attributes)
print(f"ok: {len(contract['cases'])} contract cases, {len(ditto.AUGMENTATIONS)} augmentation operators")
