"""Sanitizer for the DynamoDB table 'example'.

The fixed part of every Python sanitizer Veil generates, checked with
pycodestyle as it stands. Each "# veil: <name>" line starts a section and
is left out of the output: PythonWriter puts the policy's header in front
of the usage section, the policy's constants and rule tables after it, and
then the sections of the policy's form (one kind, or entities).
# veil: usage

Use it on boto3 resource items::

    item = safe_get_item(table, {"<key>": key}, requester_id=current_user_id)
    return jsonify(to_json_safe(item))

    rows = safe_query(table, current_user_id,
                      KeyConditionExpression=Key("<key>").eq(key))
    return jsonify([to_json_safe(row) for row in rows])
"""

import base64
import re
from decimal import Decimal
# veil: compile
_DROP = object()


def _allows(cls, owner):
    return cls is None or cls == "public" or (cls == "owner-only" and owner)


def _compile(rule):
    """(class, owner fields, public fields, items), worked out once."""
    cls, fields, items = rule
    compiled_items = _compile(items) if items is not None else None
    if fields is None:
        return cls, None, None, compiled_items
    compiled = [(name, _compile(child))
                for name, child in sorted(fields.items())]
    owner_fields = tuple((n, c) for n, c in compiled if _allows(c[0], True))
    public_fields = tuple((n, c) for n, c in compiled if _allows(c[0], False))
    return cls, owner_fields, public_fields, compiled_items


# veil: sanitize-one-kind
_ROOT = _compile((None, _RULES, None))


def sanitize(item, requester_id=None):
    """Return what requester_id may see of item; dropped keys are absent."""
    if item is None:
        return None
    owner = is_owner(item, requester_id)
    return _filter_fields(item, _ROOT[1] if owner else _ROOT[2], owner)


def is_owner(item, requester_id):
    """True when the item's owner attribute, as text, equals requester_id."""
    if OWNER_ATTRIBUTE is None or requester_id is None:
        return False
    value = item.get(OWNER_ATTRIBUTE)
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, str):
        return value == str(requester_id)
    if isinstance(value, (Decimal, int)):
        return str(value) == str(requester_id)
    return False


# veil: sanitize-entities
def _compile_entity(entity):
    name, match, owner, rules = entity
    return name, match, owner, _compile((None, rules, None))


_COMPILED = tuple(_compile_entity(e) for e in _ENTITIES)


def _holds(match, value):
    """True when value is a string that passes the match's test."""
    if not isinstance(value, str):
        return False
    if match[1] == "equals":
        return value == match[2]
    return value.startswith(match[2])


def _entity(item):
    """The one entity whose match holds for item; None for none or several."""
    found = None
    for entity in _COMPILED:
        if _holds(entity[1], item.get(entity[1][0])):
            if found is not None:
                return None
            found = entity
    return found


def entity_of(item):
    """The name of item's entity; None when it matches none or several."""
    entity = _entity(item)
    return None if entity is None else entity[0]


def sanitize(item, requester_id=None):
    """Return what requester_id may see of item; dropped keys are absent.

    None when item matches no entity or several: it is dropped whole.
    """
    if item is None:
        return None
    entity = _entity(item)
    if entity is None:
        return None
    owner = _owns(entity, item, requester_id)
    root = entity[3]
    return _filter_fields(item, root[1] if owner else root[2], owner)


def is_owner(item, requester_id):
    """True when requester_id owns item under its entity's owner template."""
    entity = _entity(item)
    return entity is not None and _owns(entity, item, requester_id)


def _owns(entity, item, requester_id):
    """The owner attribute, as text, equals the template over requester_id."""
    owner = entity[2]
    if owner is None or requester_id is None:
        return False
    value = item.get(owner[0])
    if isinstance(value, bool) or value is None:
        return False
    if not isinstance(value, (str, Decimal, int)):
        return False
    return str(value) == owner[1].replace("{id}", str(requester_id))


# veil: filter
def _filter_fields(values, fields, owner):
    out = {}
    for name, rule in fields:
        if name in values:
            if rule[1] is None and rule[3] is None:
                # A leaf the view may keep (fields are pre-filtered per
                # view): keep it whole.
                out[name] = values[name]
                continue
            kept = _apply(rule, values[name], owner)
            if kept is not _DROP:
                out[name] = kept
    return out


def _apply(rule, value, owner):
    cls, owner_fields, public_fields, items = rule
    if not _allows(cls, owner):
        return _DROP
    if owner_fields is not None:
        if not isinstance(value, dict):
            return _DROP
        fields = owner_fields if owner else public_fields
        return _filter_fields(value, fields, owner)
    if items is not None:
        if not isinstance(value, list):
            return _DROP
        kept = (_apply(items, element, owner) for element in value)
        return [element for element in kept if element is not _DROP]
    return value


# veil: views-one-kind
def _get_projection(key, requester_id):
    """The owner projection only for an item that may be the requester's.

    A key naming the owner attribute says whose item it is; a key without
    it could be anyone's. IAM policies Veil generates allow exactly this.
    """
    if OWNER_ATTRIBUTE is None or requester_id is None:
        return PROJECTION_PUBLIC
    if OWNER_ATTRIBUTE not in key or is_owner(key, requester_id):
        return PROJECTION_OWNER
    return PROJECTION_PUBLIC


_NOT_PINNED = object()
_AND = re.compile(r"\s+AND\s+", re.IGNORECASE)
_EQUALS = re.compile(r"^(#?[A-Za-z0-9_]+)\s*=\s*(:[A-Za-z0-9_]+)$")
_NAME = re.compile(r"#[A-Za-z0-9_]+|(?<![:#\w.])[A-Za-z_][A-Za-z0-9_]*")


def _pinned_owner(condition, names, values):
    """The value a key condition requires the owner attribute to equal.

    _NOT_PINNED when it requires none; None when it names the owner
    attribute in any other way (begins_with, between...).
    """
    if hasattr(condition, "get_expression"):
        # boto3.dynamodb.conditions: Key("a").eq(v) & Key("b").gt(w)
        expression = condition.get_expression()
        operands = expression["values"]
        if expression["operator"] == "AND":
            found = [_pinned_owner(c, names, values) for c in operands]
            pins = [f for f in found if f is not _NOT_PINNED]
            return pins[0] if pins else _NOT_PINNED
        named = any(getattr(o, "name", None) == OWNER_ATTRIBUTE
                    for o in operands if not isinstance(o, str))
        if not named:
            return _NOT_PINNED
        if expression["operator"] == "=" and len(operands) == 2:
            return operands[1]
        return None
    if not isinstance(condition, str):
        raise TypeError("KeyConditionExpression must be a string or a "
                        "boto3.dynamodb.conditions key condition")
    pinned = _NOT_PINNED
    for part in _AND.split(condition):
        part = part.strip().lstrip("(").rstrip(")").strip()
        match = _EQUALS.match(part)
        if match:
            name, value = match.groups()
            if names.get(name, name) == OWNER_ATTRIBUTE:
                if value not in values:
                    raise ValueError(
                        value + " is not in ExpressionAttributeValues")
                return values[value]
        for token in _NAME.findall(part):
            if names.get(token, token) == OWNER_ATTRIBUTE:
                pinned = None
    return pinned


def _query_projection(kwargs, requester_id):
    """The owner projection only for a query of the requester's own items.

    That is a key condition pinning the owner attribute to the requester
    id, or a query of the table whose key condition leaves the owner
    attribute out (it then is not the partition key, which every table
    query pins). Another owner's partition, any other condition on the
    owner attribute, and an index query not pinning it read anyone's
    items: public projection, as the IAM policies Veil generates allow.
    """
    if OWNER_ATTRIBUTE is None or requester_id is None:
        return PROJECTION_PUBLIC
    if "KeyConditionExpression" not in kwargs:
        raise ValueError("safe_query needs KeyConditionExpression (legacy "
                         "KeyConditions cannot go with a projection)")
    pinned = _pinned_owner(kwargs["KeyConditionExpression"],
                           kwargs.get("ExpressionAttributeNames", {}),
                           kwargs.get("ExpressionAttributeValues", {}))
    if pinned is _NOT_PINNED:
        if "IndexName" in kwargs:
            return PROJECTION_PUBLIC
        return PROJECTION_OWNER
    if pinned is None:
        return PROJECTION_PUBLIC
    if is_owner({OWNER_ATTRIBUTE: pinned}, requester_id):
        return PROJECTION_OWNER
    return PROJECTION_PUBLIC


# veil: views-entities
def _view(pins, named, requester_id, index):
    """PROJECTION_OWNER only when every item the request can return may be
    the requester's, else PROJECTION_PUBLIC.

    pins holds the attributes the key (or key condition) requires to equal
    a value, named the ones it constrains in any other way. An entity whose
    match a pin rules out cannot be returned, and one without an owner is
    never the requester's (sanitize keeps its public view whatever is
    fetched). Every other entity's owner attribute must be pinned to the
    requester's value, or (on the table, not an index) be left out: it then
    is not the partition key. IAM policies Veil generates allow exactly
    this.
    """
    if requester_id is None:
        return PROJECTION_PUBLIC
    possible = False
    for entity in _COMPILED:
        match, owner = entity[1], entity[2]
        if match[0] in pins and not _holds(match, pins[match[0]]):
            continue
        if owner is None:
            # Never the requester's: sanitize keeps its public view.
            continue
        possible = True
        if owner[0] in pins:
            if not _owns(entity, pins, requester_id):
                return PROJECTION_PUBLIC
        elif owner[0] in named or index:
            return PROJECTION_PUBLIC
    return PROJECTION_OWNER if possible else PROJECTION_PUBLIC


def _get_projection(key, requester_id):
    """The owner projection only for an item that may be the requester's."""
    return _view(key, set(), requester_id, False)


_AND = re.compile(r"\s+AND\s+", re.IGNORECASE)
_EQUALS = re.compile(r"^(#?[A-Za-z0-9_]+)\s*=\s*(:[A-Za-z0-9_]+)$")
_NAME = re.compile(r"#[A-Za-z0-9_]+|(?<![:#\w.])[A-Za-z_][A-Za-z0-9_]*")


def _pins(condition, names, values, pins, named):
    """Adds what a key condition pins to a value, and what else it names."""
    if hasattr(condition, "get_expression"):
        # boto3.dynamodb.conditions: Key("a").eq(v) & Key("b").gt(w)
        expression = condition.get_expression()
        operands = expression["values"]
        if expression["operator"] == "AND":
            for c in operands:
                _pins(c, names, values, pins, named)
            return
        keys = [o.name for o in operands if hasattr(o, "name")]
        if expression["operator"] == "=" and len(operands) == 2 and keys:
            pins[keys[0]] = operands[1]
        else:
            named.update(keys)
        return
    if not isinstance(condition, str):
        raise TypeError("KeyConditionExpression must be a string or a "
                        "boto3.dynamodb.conditions key condition")
    for part in _AND.split(condition):
        part = part.strip().lstrip("(").rstrip(")").strip()
        match = _EQUALS.match(part)
        if match:
            name, value = match.groups()
            if value not in values:
                raise ValueError(
                    value + " is not in ExpressionAttributeValues")
            pins[names.get(name, name)] = values[value]
            continue
        for token in _NAME.findall(part):
            named.add(names.get(token, token))


def _query_projection(kwargs, requester_id):
    """The owner projection only for a query of the requester's own items."""
    if requester_id is None:
        return PROJECTION_PUBLIC
    if "KeyConditionExpression" not in kwargs:
        raise ValueError("safe_query needs KeyConditionExpression (legacy "
                         "KeyConditions cannot go with a projection)")
    pins, named = {}, set()
    _pins(kwargs["KeyConditionExpression"],
          kwargs.get("ExpressionAttributeNames", {}),
          kwargs.get("ExpressionAttributeValues", {}), pins, named)
    return _view(pins, named, requester_id, "IndexName" in kwargs)


# veil: helpers
_TAKEN = ("ExpressionAttributeNames uses %s, which the projection needs; "
          "pick placeholders that do not start with #veil")


def _with_projection(kwargs, projection):
    """kwargs for boto3 plus the projection, the caller's names kept."""
    for taken in ("ProjectionExpression", "Select", "AttributesToGet",
                  "KeyConditions", "QueryFilter", "ScanFilter"):
        if taken in kwargs:
            raise ValueError(taken + " cannot be passed to a safe helper: it "
                             "sends the projection of the requester's view")
    request = dict(kwargs)
    if projection:
        names = dict(kwargs.get("ExpressionAttributeNames", {}))
        ours = projection["ExpressionAttributeNames"]
        for placeholder, name in ours.items():
            if names.setdefault(placeholder, name) != name:
                raise ValueError(_TAKEN % placeholder)
        request["ProjectionExpression"] = projection["ProjectionExpression"]
        request["ExpressionAttributeNames"] = names
    return request


def safe_get_item(table, key, requester_id=None, **kwargs):
    """Get one item with the requester's projection, sanitized.

    None when there is no such item.
    """
    request = _with_projection(kwargs, _get_projection(key, requester_id))
    response = table.get_item(Key=key, **request)
    return sanitize(response.get("Item"), requester_id)


def safe_query(table, requester_id=None, **kwargs):
    """Yield every item a query returns, page by page, sanitized.

    kwargs go to Table.query (KeyConditionExpression as a string with
    ExpressionAttributeNames/Values, or a boto3 Key condition; IndexName,
    FilterExpression, Limit as a page size...). The owner projection only
    for the requester's own items, else the public one.
    """
    request = _with_projection(kwargs, _query_projection(kwargs, requester_id))
    while True:
        response = table.query(**request)
        for item in response.get("Items", []):
            yield sanitize(item, requester_id)
        if "LastEvaluatedKey" not in response:
            return
        request["ExclusiveStartKey"] = response["LastEvaluatedKey"]


def safe_scan(table, requester_id=None, **kwargs):
    """Yield every item of the table, page by page, sanitized.

    Always with the public projection: a scan reads everyone's items.
    """
    request = _with_projection(kwargs, PROJECTION_PUBLIC)
    while True:
        response = table.scan(**request)
        for item in response.get("Items", []):
            yield sanitize(item, requester_id)
        if "LastEvaluatedKey" not in response:
            return
        request["ExclusiveStartKey"] = response["LastEvaluatedKey"]


def to_json_safe(value):
    """Convert what boto3 returns into values json.dumps accepts, exactly.

    Integral Decimals become int, other Decimals exact strings, sets
    sorted lists and binary base64 text.
    """
    if isinstance(value, dict):
        return {name: to_json_safe(v) for name, v in value.items()}
    if isinstance(value, list):
        return [to_json_safe(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((to_json_safe(v) for v in value),
                      key=lambda v: (str(type(v)), str(v)))
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else str(value)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    raw = getattr(value, "value", None)
    if isinstance(raw, (bytes, bytearray)):
        # boto3's Binary wraps the bytes.
        return base64.b64encode(bytes(raw)).decode("ascii")
    return value
