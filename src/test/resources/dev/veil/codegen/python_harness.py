"""Runs generated Python sanitizers on items given as DynamoDB JSON lines.

Usage: python3 python_harness.py MODULE.py [MODULE.py ...] < cases.jsonl
Each input line: {"module": index, "requester": "id" or null, "item": {...DynamoDB JSON...}}.
Each output line: the sanitized item as DynamoDB JSON. Items are converted to what boto3's
resource layer returns (str, Decimal, bytes-holding Binary, bool, None, dict, list, set).
"""
import base64
import importlib.util
import json
import sys
from decimal import Decimal


class Binary:
    """Stands in for boto3.dynamodb.types.Binary: bytes in .value, hashable for sets."""

    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        return isinstance(other, Binary) and self.value == other.value

    def __hash__(self):
        return hash(self.value)


def load(av):
    (kind, v), = av.items()
    if kind == "S":
        return v
    if kind == "N":
        return Decimal(v)
    if kind == "B":
        return Binary(base64.b64decode(v))
    if kind == "BOOL":
        return v
    if kind == "NULL":
        return None
    if kind == "M":
        return {k: load(x) for k, x in v.items()}
    if kind == "L":
        return [load(x) for x in v]
    if kind == "SS":
        return set(v)
    if kind == "NS":
        return {Decimal(x) for x in v}
    if kind == "BS":
        return {Binary(base64.b64decode(x)) for x in v}
    raise ValueError(kind)


def dump(v):
    if isinstance(v, bool):
        return {"BOOL": v}
    if v is None:
        return {"NULL": True}
    if isinstance(v, str):
        return {"S": v}
    if isinstance(v, Decimal):
        return {"N": str(v)}
    if isinstance(v, Binary):
        return {"B": base64.b64encode(v.value).decode("ascii")}
    if isinstance(v, dict):
        return {"M": {k: dump(x) for k, x in v.items()}}
    if isinstance(v, list):
        return {"L": [dump(x) for x in v]}
    if isinstance(v, set):
        elements = list(v)
        if all(isinstance(x, str) for x in elements):
            return {"SS": sorted(elements)}
        if all(isinstance(x, Decimal) for x in elements):
            return {"NS": [str(x) for x in elements]}
        return {"BS": [base64.b64encode(x.value).decode("ascii") for x in elements]}
    raise TypeError(type(v))


def main():
    modules = []
    for i, path in enumerate(sys.argv[1:]):
        spec = importlib.util.spec_from_file_location("generated_%d" % i, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules.append(module)
    out = []
    for line in sys.stdin:
        case = json.loads(line)
        item = {k: load(v) for k, v in case["item"].items()}
        result = modules[case["module"]].sanitize(item, case["requester"])
        if result is None:
            # An item of no entity, or of several: dropped whole.
            out.append("null")
        else:
            out.append(json.dumps({k: dump(v) for k, v in result.items()},
                                  ensure_ascii=True))
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))


main()
