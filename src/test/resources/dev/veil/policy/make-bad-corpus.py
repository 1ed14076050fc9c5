#!/usr/bin/env python3
"""Regenerates bad/: policy files with exactly one defect each, derived from golden/users-v1.json.

The canonical form is json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\\n", so
files that must carry a correct digest despite their defect get it computed here. Expected
messages live in bad/expected.tsv (kept by hand, not generated; PolicyValidatorTest checks every case).
"""
import copy, hashlib, json, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
BAD = os.path.join(HERE, "bad")
GOLDEN = open(os.path.join(HERE, "golden", "users-v1.json"), encoding="utf-8").read()
BASE = json.loads(GOLDEN)


def canonical(doc):
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def seal(doc):
    body = {k: v for k, v in doc.items() if k != "digest"}
    doc["digest"] = "sha256:" + hashlib.sha256(canonical(body).encode("utf-8")).hexdigest()
    return doc


def doc(**changes):
    d = copy.deepcopy(BASE)
    d.update(changes)
    return d


def write(rel, text, binary=False):
    path = os.path.join(BAD, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text if binary else text.encode("utf-8"))


def sealed_text(d):
    return canonical(seal(d))


os.makedirs(BAD, exist_ok=True)
for name in os.listdir(BAD):
    if name != "expected.tsv":
        path = os.path.join(BAD, name)
        shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)

write("truncated.json", GOLDEN[:700])
write("empty.json", "")
write("not-json.json", "format: veil-policy/1\ntable: users\n")
write("bom.json", b"\xef\xbb\xbf" + GOLDEN.encode("utf-8"), binary=True)
write("not-utf8.json", GOLDEN.replace('"note": "personal data"', '"note": "personal \xff data"').encode("utf-8")
      .replace("\xff".encode("utf-8"), b"\xff"), binary=True)
write("trailing-content.json", GOLDEN + "{}\n")
write("duplicate-key.json", GOLDEN.replace('    "email": {', '    "email": {\n      "class": "public"\n    },\n    "email": {', 1))
write("top-level-array.json", "[\n  1\n]\n")
write("version-string.json", canonical(doc(version="1")))
write("version-zero.json", canonical(doc(version=0)))

d = doc(); d["attributes"]["email"]["class"] = "private"; write("unknown-class.json", canonical(d))
d = doc(); d["attributes"]["email"]["types"] = ["STRING"]; write("unknown-type.json", canonical(d))
d = doc(); d["attributes"]["email"]["types"] = ["N", "S"]; seal(d); d["attributes"]["email"]["types"] = ["S", "N"]
write("unsorted-types.json", canonical(d))
d = doc(); d["attributes"]["email"]["types"] = ["S", "S"]; write("duplicate-type.json", canonical(d))
d = doc(); del d["attributes"]["address"]["fields"]["city"]["class"]; write("missing-class.json", canonical(d))
d = doc(); del d["table"]; write("missing-table.json", canonical(d))
d = doc(); d["attributes"]["email"]["colour"] = "blue"; write("unknown-key.json", canonical(d))
write("wrong-format.json", canonical(doc(format="veil-policy/3")))
write("bad-digest-syntax.json", canonical(doc(digest="md5:0123")))
write("tampered.json", GOLDEN.replace('"class": "secret"', '"class": "public"'))
write("not-canonical.json", json.dumps(BASE, indent=4, sort_keys=True, ensure_ascii=False) + "\n")
write("crlf.json", GOLDEN.replace("\n", "\r\n"))
d = doc(); d["attributes"]["email"]["review"]["at"] = "yesterday"; write("bad-review-time.json", canonical(d))
d = doc(); d["attributes"]["email"]["review"]["at"] = "2024-02-30T10:00:00Z"; write("impossible-review-time.json", canonical(d))
d = doc(); d["attributes"]["email"]["review"]["source"] = "robot"; write("bad-review-source.json", canonical(d))
d = doc(); d["attributes"]["email"]["fields"] = {}; write("empty-fields.json", canonical(d))
d = doc(); d["attributes"][""] = {"class": "public"}; write("empty-attribute-name.json", canonical(d))
write("lone-surrogate-name.json", GOLDEN.replace('    "email": {', '    "\\ud800mail": {', 1))
write("v1-with-previous.json", sealed_text(doc(previous="sha256:" + "0" * 64)))
write("missing-previous.json", sealed_text(doc(version=2)))
d = doc(); d["attributes"]["email"] = "public"; write("rule-not-object.json", canonical(d))
write("bad-table-name.json", sealed_text(doc(table="users/../../etc")))

v1 = seal(doc())
v2 = seal(doc(version=2, previous=v1["digest"], owner="email"))
v3 = seal(doc(version=3, previous=v2["digest"], owner=None))
write("version-gap/users/v1.json", canonical(v1))
write("version-gap/users/v3.json", canonical(v3))
write("broken-chain/users/v1.json", canonical(v1))
write("broken-chain/users/v2.json", sealed_text(doc(version=2, previous="sha256:" + "ab" * 32, owner="email")))
write("name-mismatch/users/v1.json", canonical(v1))
write("name-mismatch/users/v2.json", sealed_text(doc(version=3, previous=v1["digest"], owner="email")))
write("folder-mismatch/users/v1.json", sealed_text(doc(table="accounts")))
write("stray-file/users/v1.json", canonical(v1))
write("stray-file/users/users.json", canonical(v1))
write("empty-store/README.md", "no policies here\n")
