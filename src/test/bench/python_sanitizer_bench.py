"""Times the generated Python sanitizer against a hand-written allow-list on realistic items.

Usage: python3 src/test/bench/python_sanitizer_bench.py
Uses the golden users_sanitizer.py (the generator's reviewed output for the benchmark policy).
"""
import importlib.util
import pathlib
import timeit
from decimal import Decimal

HERE = pathlib.Path(__file__).resolve().parent
GOLDEN = HERE.parent / "resources" / "dev" / "veil" / "codegen" / "golden" / "users_sanitizer.py"
spec = importlib.util.spec_from_file_location("users_sanitizer", GOLDEN)
generated = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generated)

PUBLIC = ("user_id", "username", "tags")
OWNER = ("email", "lifetime_points")


def sanitize_user_item(item, requester_id=None):
    """What services write today: an allow-list per view, by hand."""
    out = {k: item[k] for k in PUBLIC if k in item}
    if requester_id is None or item.get("user_id") != requester_id:
        return out
    out.update({k: item[k] for k in OWNER if k in item})
    if isinstance(item.get("address"), dict):
        out["address"] = {k: v for k, v in item["address"].items() if k == "city"}
    if isinstance(item.get("orders"), list):
        out["orders"] = [{k: v for k, v in o.items() if k in ("order_id", "total")} for o in item["orders"]]
    return out


def item(i):
    return {
        "user_id": "usr_%d" % i, "username": "user%d" % i, "email": "user%d@veilmail.dev" % i,
        "password_hash": "$2b$12$" + "a" * 53, "api_key": "vk_live_9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c",
        "internal_role": "customer", "lifetime_points": Decimal("12345678901234567890123456789012345678"),
        "tags": {"beta", "vip"}, "profile_complete": True, "created_at": "2025-03-04T05:06:07Z",
        "address": {"street": "%d Main Street" % i, "city": "Lyon", "postcode": "69001", "country": "FR"},
        "orders": [{"order_id": "ord_%d" % o, "total": Decimal("19.99"), "placed_at": "2025-01-0%d" % (o + 1)}
                   for o in range(3)],
    }


ITEMS = [item(i) for i in range(64)]
for it in ITEMS[:4]:
    for requester in (it["user_id"], "usr_other", None):
        assert generated.sanitize(it, requester) == sanitize_user_item(it, requester)

N = 20000
for label, requester_of in (("owner", lambda it: it["user_id"]), ("stranger", lambda it: "usr_other")):
    for name, fn in (("generated", generated.sanitize), ("hand-written", sanitize_user_item)):
        seconds = min(timeit.repeat(lambda: [fn(it, requester_of(it)) for it in ITEMS], number=N // 64, repeat=5))
        print("%-9s %-13s %8.0f items/s" % (label, name, N / seconds))
