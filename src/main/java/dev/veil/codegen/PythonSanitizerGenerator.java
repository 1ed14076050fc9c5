package dev.veil.codegen;

import dev.veil.model.Classification;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generates {@code <table_snake>_sanitizer.py}: standard library only, for boto3 resource items
 * (dicts with {@code Decimal}, sets and {@code Binary}). The policy becomes a nested tuple table
 * walked by one function; names appear only in escaped literals.
 */
final class PythonSanitizerGenerator implements SanitizerGenerator {

    @Override
    public Language language() {
        return Language.PYTHON;
    }

    @Override
    public List<GeneratedFile> generate(Policy policy, ProjectionPlan plan, GeneratorOptions options) {
        PythonWriter w = new PythonWriter();
        w.line("\"\"\"" + Headers.text(policy, plan).replace("\\", "\\\\").replace("\"\"\"", "\\\"\\\"\\\"").stripTrailing());
        w.blank();
        w.line("Use it on boto3 resource items::");
        w.blank();
        w.line("    item = safe_get_item(table, {\"" + "<key>" + "\": key}, requester_id=current_user_id)");
        w.line("    return jsonify(to_json_safe(item))");
        w.blank();
        w.line("    rows = safe_query(table, current_user_id,");
        w.line("                      KeyConditionExpression=Key(\"<key>\").eq(key))");
        w.line("    return jsonify([to_json_safe(row) for row in rows])");
        w.line("\"\"\"");
        w.blank();
        w.line("import base64");
        w.line("import re");
        w.line("from decimal import Decimal");
        w.blank();
        w.assign("TABLE_NAME", policy.table());
        w.line("POLICY_VERSION = " + policy.version());
        w.assign("POLICY_DIGEST", policy.digest().orElse(""));
        w.line("OWNER_ATTRIBUTE = " + policy.owner().map(PythonWriter::literal).orElse("None"));
        w.blank();
        w.assign("PROJECTION_EXPRESSION_OWNER", plan.owner().expression());
        names(w, "EXPRESSION_ATTRIBUTE_NAMES_OWNER", plan.owner());
        w.assign("PROJECTION_EXPRESSION_PUBLIC", plan.publicView().expression());
        names(w, "EXPRESSION_ATTRIBUTE_NAMES_PUBLIC", plan.publicView());
        w.blank();
        w.line("# Keyword arguments for Table.get_item / query / scan:");
        w.line("# table.get_item(Key=k, **PROJECTION_OWNER). Placeholders are #veil0, #veil1...");
        w.line("# so conditions boto3 builds (#n0, :v0...) can share the request.");
        w.line("# Empty when a view can keep nothing a projection could name.");
        projectionKwargs(w, "PROJECTION_OWNER", "OWNER", plan.owner());
        projectionKwargs(w, "PROJECTION_PUBLIC", "PUBLIC", plan.publicView());
        w.blank();
        w.line("# Each rule: (class, rules for a map's fields or None,");
        w.line("#             rule for a list's elements or None).");
        w.line("# Class None marks a list-element rule that follows its list.");
        w.line("_RULES = " + fields(policy.attributes(), 0));
        w.blank();
        w.line(BODY.stripTrailing());
        return List.of(new GeneratedFile(TableNames.snake(policy.table()) + "_sanitizer.py", w.toString()));
    }

    private static void names(PythonWriter w, String constant, Projection projection) {
        if (projection.names().isEmpty()) {
            w.line(constant + " = {}");
            return;
        }
        w.line(constant + " = {");
        w.indent();
        projection.names().forEach((ph, name) -> w.line(PythonWriter.literal(ph) + ": " + PythonWriter.literal(name) + ","));
        w.dedent();
        w.line("}");
    }

    private static void projectionKwargs(PythonWriter w, String constant, String view, Projection projection) {
        if (projection.expression().isEmpty()) {
            w.line(constant + " = {}");
            return;
        }
        w.line(constant + " = {");
        w.indent();
        w.line("\"ProjectionExpression\": PROJECTION_EXPRESSION_" + view + ",");
        w.line("\"ExpressionAttributeNames\": EXPRESSION_ATTRIBUTE_NAMES_" + view + ",");
        w.dedent();
        w.line("}");
    }

    private static String fields(Map<String, PolicyRule> fields, int depth) {
        if (fields.isEmpty()) {
            return "None";
        }
        String pad = "    ".repeat(depth + 1);
        List<String> entries = new ArrayList<>();
        fields.forEach((name, rule) -> entries.add(pad + PythonWriter.literal(name) + ": " + rule(rule, depth + 1) + ","));
        return "{\n" + String.join("\n", entries) + "\n" + "    ".repeat(depth) + "}";
    }

    private static String rule(PolicyRule r, int depth) {
        String cls = r.classification().map(Classification::label).map(PythonWriter::literal).orElse("None");
        String items = r.items().map(i -> rule(i, depth)).orElse("None");
        return "(" + cls + ", " + fields(r.fields(), depth) + ", " + items + ")";
    }

    private static final String BODY = """
            _DROP = object()


            def _allows(cls, owner):
                return cls is None or cls == "public" or (cls == "owner-only" and owner)


            def _compile(rule):
                \"\"\"(class, owner fields, public fields, items), worked out once.\"\"\"
                cls, fields, items = rule
                compiled_items = _compile(items) if items is not None else None
                if fields is None:
                    return cls, None, None, compiled_items
                compiled = [(name, _compile(child))
                            for name, child in sorted(fields.items())]
                owner_fields = tuple((n, c) for n, c in compiled if _allows(c[0], True))
                public_fields = tuple((n, c) for n, c in compiled if _allows(c[0], False))
                return cls, owner_fields, public_fields, compiled_items


            _ROOT = _compile((None, _RULES, None))


            def sanitize(item, requester_id=None):
                \"\"\"Return what requester_id may see of item; dropped keys are absent.\"\"\"
                if item is None:
                    return None
                owner = is_owner(item, requester_id)
                return _filter_fields(item, _ROOT[1] if owner else _ROOT[2], owner)


            def is_owner(item, requester_id):
                \"\"\"True when the item's owner attribute, as text, equals requester_id.\"\"\"
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


            def _get_projection(key, requester_id):
                \"\"\"The owner projection only for an item that may be the requester's.

                A key naming the owner attribute says whose item it is; a key without
                it could be anyone's. IAM policies Veil generates allow exactly this.
                \"\"\"
                if OWNER_ATTRIBUTE is None or requester_id is None:
                    return PROJECTION_PUBLIC
                if OWNER_ATTRIBUTE not in key or is_owner(key, requester_id):
                    return PROJECTION_OWNER
                return PROJECTION_PUBLIC


            _NOT_PINNED = object()
            _AND = re.compile(r"\\s+AND\\s+", re.IGNORECASE)
            _EQUALS = re.compile(r"^(#?[A-Za-z0-9_]+)\\s*=\\s*(:[A-Za-z0-9_]+)$")
            _NAME = re.compile(r"#[A-Za-z0-9_]+|(?<![:#\\w.])[A-Za-z_][A-Za-z0-9_]*")


            def _pinned_owner(condition, names, values):
                \"\"\"The value a key condition requires the owner attribute to equal.

                _NOT_PINNED when it requires none; None when it names the owner
                attribute in any other way (begins_with, between...).
                \"\"\"
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
                \"\"\"The owner projection only for a query of the requester's own items.

                That is a key condition pinning the owner attribute to the requester
                id, or a query of the table whose key condition leaves the owner
                attribute out (it then is not the partition key, which every table
                query pins). Another owner's partition, any other condition on the
                owner attribute, and an index query not pinning it read anyone's
                items: public projection, as the IAM policies Veil generates allow.
                \"\"\"
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


            _TAKEN = ("ExpressionAttributeNames uses %s, which the projection needs; "
                      "pick placeholders that do not start with #veil")


            def _with_projection(kwargs, projection):
                \"\"\"kwargs for boto3 plus the projection, the caller's names kept.\"\"\"
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
                \"\"\"Get one item with the requester's projection, sanitized.

                None when there is no such item.
                \"\"\"
                request = _with_projection(kwargs, _get_projection(key, requester_id))
                response = table.get_item(Key=key, **request)
                return sanitize(response.get("Item"), requester_id)


            def safe_query(table, requester_id=None, **kwargs):
                \"\"\"Yield every item a query returns, page by page, sanitized.

                kwargs go to Table.query (KeyConditionExpression as a string with
                ExpressionAttributeNames/Values, or a boto3 Key condition; IndexName,
                FilterExpression, Limit as a page size...). The owner projection only
                for the requester's own items, else the public one.
                \"\"\"
                request = _with_projection(kwargs, _query_projection(kwargs, requester_id))
                while True:
                    response = table.query(**request)
                    for item in response.get("Items", []):
                        yield sanitize(item, requester_id)
                    if "LastEvaluatedKey" not in response:
                        return
                    request["ExclusiveStartKey"] = response["LastEvaluatedKey"]


            def safe_scan(table, requester_id=None, **kwargs):
                \"\"\"Yield every item of the table, page by page, sanitized.

                Always with the public projection: a scan reads everyone's items.
                \"\"\"
                request = _with_projection(kwargs, PROJECTION_PUBLIC)
                while True:
                    response = table.scan(**request)
                    for item in response.get("Items", []):
                        yield sanitize(item, requester_id)
                    if "LastEvaluatedKey" not in response:
                        return
                    request["ExclusiveStartKey"] = response["LastEvaluatedKey"]


            def to_json_safe(value):
                \"\"\"Convert what boto3 returns into values json.dumps accepts, exactly.

                Integral Decimals become int, other Decimals exact strings, sets
                sorted lists and binary base64 text.
                \"\"\"
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
            """;
}
