package dev.veil.codegen;

import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.EntityMatch;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Generates {@code <tableCamel>Sanitizer.ts} (no runtime dependency: sanitize, constants, typed
 * views) and {@code <tableCamel>Reads.ts} (get and paginated scan over the v3
 * {@code DynamoDBDocumentClient}). Rules live in {@code Map}s, never object literals, so names
 * such as {@code __proto__} stay plain data.
 */
final class TypeScriptSanitizerGenerator implements SanitizerGenerator {

    @Override
    public Language language() {
        return Language.TYPESCRIPT;
    }

    @Override
    public List<GeneratedFile> generate(Policy policy, ProjectionPlan plan, GeneratorOptions options) {
        String base = TableNames.camel(policy.table());
        return List.of(new GeneratedFile(base + "Sanitizer.ts", sanitizer(policy, plan)),
                new GeneratedFile(base + "Reads.ts", reads(policy, plan, base)));
    }

    private static String sanitizer(Policy policy, ProjectionPlan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append(comment(Headers.text(policy, plan)));
        sb.append("\n");
        sb.append("export const TABLE_NAME = ").append(TypeScriptWriter.literal(policy.table())).append(";\n");
        sb.append("export const POLICY_VERSION = ").append(policy.version()).append(";\n");
        sb.append("export const POLICY_DIGEST = ").append(TypeScriptWriter.literal(policy.digest().orElse(""))).append(";\n");
        if (policy.hasEntities()) {
            sb.append("\n");
        } else {
            sb.append("export const OWNER_ATTRIBUTE: string | undefined = ")
                    .append(policy.owner().map(TypeScriptWriter::literal).orElse("undefined")).append(";\n\n");
        }
        sb.append("export const PROJECTION_EXPRESSION_OWNER: string = ").append(TypeScriptWriter.literal(plan.owner().expression())).append(";\n");
        sb.append("export const EXPRESSION_ATTRIBUTE_NAMES_OWNER: Readonly<Record<string, string>> = ").append(names(plan.owner())).append(";\n");
        sb.append("export const PROJECTION_EXPRESSION_PUBLIC: string = ").append(TypeScriptWriter.literal(plan.publicView().expression())).append(";\n");
        sb.append("export const EXPRESSION_ATTRIBUTE_NAMES_PUBLIC: Readonly<Record<string, string>> = ").append(names(plan.publicView())).append(";\n\n");
        sb.append(TYPES);
        sb.append("/** What any requester may see; every attribute may be absent. */\n");
        sb.append("export interface PublicView ").append(view(policy, plan.publicView())).append("\n\n");
        sb.append("/** What the item's owner may see; every attribute may be absent. */\n");
        sb.append("export interface OwnerView ").append(view(policy, plan.owner())).append("\n\n");
        if (policy.hasEntities()) {
            entities(sb, policy);
            sb.append(COMPILE).append(SANITIZE_ENTITIES).append(FILTER);
        } else {
            sb.append("const RULES: ReadonlyMap<string, Rule> = ").append(fields(policy.attributes(), 0)).append(";\n\n");
            sb.append(COMPILE).append(SANITIZE_ONE_KIND).append(FILTER);
        }
        return sb.toString();
    }

    /** The entity table and each entity's own projections. */
    private static void entities(StringBuilder sb, Policy policy) {
        sb.append(ENTITY_TYPES);
        sb.append("const ENTITIES: readonly Entity[] = [\n");
        policy.entities().forEach((name, e) -> {
            EntityMatch m = e.match();
            sb.append("  {\n    name: ").append(TypeScriptWriter.literal(name)).append(",\n");
            sb.append("    match: { attribute: ").append(TypeScriptWriter.literal(m.attribute())).append(", equals: ")
                    .append(m.test() == EntityMatch.Test.EQUALS).append(", value: ").append(TypeScriptWriter.literal(m.value()))
                    .append(" },\n");
            sb.append("    owner: ").append(e.owner().map(o -> "{ attribute: " + TypeScriptWriter.literal(o.attribute())
                    + ", template: " + TypeScriptWriter.literal(o.template()) + " }").orElse("null")).append(",\n");
            sb.append("    rules: ").append(fields(e.attributes(), 2)).append(",\n  },\n");
        });
        sb.append("];\n\n");
        sb.append("/** Each entity's own projections, for a request that reads that entity only. */\n");
        sb.append("export const PROJECTIONS_BY_ENTITY: ReadonlyMap<string, EntityProjections> = new Map<string, EntityProjections>([\n");
        ProjectionPlan.perEntity(policy).forEach((name, p) -> sb.append("  [").append(TypeScriptWriter.literal(name))
                .append(", {\n    ownerExpression: ").append(TypeScriptWriter.literal(p.owner().expression()))
                .append(",\n    ownerNames: ").append(names(p.owner()).replace("\n", "\n    "))
                .append(",\n    publicExpression: ").append(TypeScriptWriter.literal(p.publicView().expression()))
                .append(",\n    publicNames: ").append(names(p.publicView()).replace("\n", "\n    ")).append(",\n  }],\n"));
        sb.append("]);\n\n");
    }

    private static final String ENTITY_TYPES = """
            /** How an item is recognised as one entity: a string attribute equal to, or beginning with, a value. */
            interface Match {
              readonly attribute: string;
              readonly equals: boolean;
              readonly value: string;
            }

            /** Who owns an entity's item: the attribute's text equals the template with {id} = the requester id. */
            interface Owner {
              readonly attribute: string;
              readonly template: string;
            }

            /** One kind of item of the table: its match, its owner (null: nobody) and its rules. */
            interface Entity {
              readonly name: string;
              readonly match: Match;
              readonly owner: Owner | null;
              readonly rules: ReadonlyMap<string, Rule>;
            }

            /** One entity's projections, with its match and owner attributes; an empty expression fetches without one. */
            export interface EntityProjections {
              readonly ownerExpression: string;
              readonly ownerNames: Readonly<Record<string, string>>;
              readonly publicExpression: string;
              readonly publicNames: Readonly<Record<string, string>>;
            }

            """;

    /** sanitize(), entityOf(), isOwner() and ownerViewFor() of a table with entities. */
    private static final String SANITIZE_ENTITIES = """
            interface CompiledEntity {
              readonly name: string;
              readonly match: Match;
              readonly owner: Owner | null;
              readonly root: CompiledRule;
            }

            const COMPILED: readonly CompiledEntity[] = ENTITIES.map((e) => ({
              name: e.name,
              match: e.match,
              owner: e.owner,
              root: compile({ access: null, fields: e.rules }),
            }));

            function ownValue(values: { readonly [name: string]: unknown }, name: string): unknown {
              return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
            }

            function holds(match: Match, value: unknown): boolean {
              if (typeof value !== "string") {
                return false;
              }
              return match.equals ? value === match.value : value.startsWith(match.value);
            }

            /** The one entity whose match holds for item; undefined for none or several. */
            function entity(item: Item): CompiledEntity | undefined {
              let found: CompiledEntity | undefined = undefined;
              for (const e of COMPILED) {
                if (holds(e.match, ownValue(item, e.match.attribute))) {
                  if (found !== undefined) {
                    return undefined;
                  }
                  found = e;
                }
              }
              return found;
            }

            /** The name of item's entity; undefined when it matches none or several. */
            export function entityOf(item: Item): string | undefined {
              return entity(item)?.name;
            }

            /**
             * Returns what requesterId may see of item under its entity's rules: public attributes, owner-only
             * ones when the requester owns the item, nothing else; null when the item matches no entity or
             * several (dropped whole). Removed attributes are absent, never undefined.
             */
            export function sanitize(item: Item, requesterId?: string): Item | null {
              const e = entity(item);
              if (e === undefined) {
                return null;
              }
              const owner = e.owner !== null && requesterId !== undefined && owns(e.owner, ownValue(item, e.owner.attribute), requesterId);
              return filterFields(item, (owner ? e.root.ownerFields : e.root.publicFields) ?? [], owner);
            }

            /** True when requesterId owns item under its entity's owner template. */
            export function isOwner(item: Item, requesterId?: string): boolean {
              const e = entity(item);
              return e !== undefined && e.owner !== null && requesterId !== undefined
                && owns(e.owner, ownValue(item, e.owner.attribute), requesterId);
            }

            /** True when value, as text, equals the owner template with {id} replaced by requesterId. */
            function owns(owner: Owner, value: unknown, requesterId: string): boolean {
              // split/join, not replace: a replacement string would read "$&" and the like as patterns.
              const expected = owner.template.split("{id}").join(requesterId);
              if (typeof value === "string") {
                return value === expected;
              }
              if (typeof value === "number" || typeof value === "bigint") {
                return String(value) === expected;
              }
              if (isNumberValue(value)) {
                return value.value === expected;
              }
              return false;
            }

            /**
             * True when every item a request can return may be the requester's, so it may ask for the owner
             * projection. pins holds the attributes the key (or key condition) requires to equal a value,
             * named the ones it constrains in any other way. An entity whose match a pin rules out cannot be
             * returned, and one without an owner is never the requester's (sanitize keeps its public view
             * whatever is fetched). Every other entity's owner attribute must be pinned to the requester's
             * value, or (on the table, not an index) be left out: it then is not the partition key. IAM
             * policies Veil generates allow exactly this.
             */
            export function ownerViewFor(
              pins: ReadonlyMap<string, unknown>,
              named: ReadonlySet<string>,
              requesterId: string | undefined,
              index: boolean,
            ): boolean {
              if (requesterId === undefined) {
                return false;
              }
              let possible = false;
              for (const e of COMPILED) {
                if ((pins.has(e.match.attribute) && !holds(e.match, pins.get(e.match.attribute))) || e.owner === null) {
                  continue;
                }
                possible = true;
                if (pins.has(e.owner.attribute)) {
                  if (!owns(e.owner, pins.get(e.owner.attribute), requesterId)) {
                    return false;
                  }
                } else if (named.has(e.owner.attribute) || index) {
                  return false;
                }
              }
              return possible;
            }

            """;

    /** The reads of a table with entities: the reads of one kind, deciding views per entity and skipping dropped items. */
    private static String entityReads() {
        String ownerView = READS.substring(READS.indexOf("/**\n * The owner projection only for an item"),
                READS.indexOf("/** Gets one item"));
        String queryOwnerView = READS.substring(READS.indexOf("/**\n * The owner projection only for a query"),
                READS.indexOf("/**\n * Runs a query page by page"));
        return READS.replace("  OWNER_ATTRIBUTE,\n", "")
                .replace("  isOwner,\n", "  ownerViewFor,\n")
                .replace(ownerView, "")
                .replace(queryOwnerView, ENTITY_QUERY_VIEW)
                .replace("...projection(ownerView(key, requesterId))",
                        "...projection(ownerViewFor(new Map(Object.entries(key)), new Set(), requesterId, false))")
                .replace("sanitize(response.Item as Item, requesterId);", "sanitize(response.Item as Item, requesterId) ?? undefined;")
                .replace("Gets one item with the requester's projection and sanitizes it; undefined when absent.",
                        "Gets one item with the requester's projection and sanitizes it; undefined when absent or of no entity or several.")
                .replace("      yield sanitize(item as Item, requesterId);\n",
                        "      const kept = sanitize(item as Item, requesterId);\n      if (kept !== null) {\n        yield kept;\n      }\n");
    }

    private static final String ENTITY_QUERY_VIEW = """
            /**
             * The owner projection only when every item the query can return may be the requester's (see
             * ownerViewFor): the attributes its key condition pins to a value, and those it names otherwise.
             */
            function queryOwnerView(input: SafeQueryInput, requesterId?: string): boolean {
              const names: Record<string, string> = { ...input.ExpressionAttributeNames };
              const values: Record<string, unknown> = { ...input.ExpressionAttributeValues };
              const resolve = (token: string): string =>
                Object.prototype.hasOwnProperty.call(names, token) ? (names[token] ?? token) : token;
              const pins = new Map<string, unknown>();
              const named = new Set<string>();
              for (const part of input.KeyConditionExpression.split(AND)) {
                const conjunct = part.trim().replace(/^\\(+|\\)+$/g, "").trim();
                const equality = EQUALS.exec(conjunct);
                if (equality !== null) {
                  const placeholder = equality[2] ?? "";
                  if (!Object.prototype.hasOwnProperty.call(values, placeholder)) {
                    throw new Error(`${placeholder} is not in ExpressionAttributeValues`);
                  }
                  pins.set(resolve(equality[1] ?? ""), values[placeholder]);
                  continue;
                }
                for (const token of conjunct.match(NAME) ?? []) {
                  named.add(resolve(token));
                }
              }
              return ownerViewFor(pins, named, requesterId, input.IndexName !== undefined);
            }

            """;

    private static String reads(Policy policy, ProjectionPlan plan, String base) {
        return comment("Reads of " + AttributeText.quoted(policy.table()) + " that fetch with the requester's projection and\n"
                + "sanitize, for the AWS SDK v3 DynamoDBDocumentClient.\n\nPolicy version " + policy.version() + ", digest "
                + policy.digest().orElse("(draft)") + ".\nGenerated by Veil from that policy — do not edit by hand; re-export instead.\n")
                + (policy.hasEntities() ? entityReads() : READS).replace("./SANITIZER", "./" + base + "Sanitizer");
    }

    private static String comment(String text) {
        StringBuilder sb = new StringBuilder("/**\n");
        for (String line : text.replace("*/", "*\\/").split("\n", -1)) {
            if (!line.isEmpty() || sb.length() > 4) {
                sb.append(line.isEmpty() ? " *\n" : " * " + line + "\n");
            }
        }
        while (sb.toString().endsWith(" *\n *\n")) {
            sb.setLength(sb.length() - 3);
        }
        return sb.append(" */\n").toString().replace(" *\n */", " */");
    }

    private static String names(Projection projection) {
        if (projection.names().isEmpty()) {
            return "{}";
        }
        // Placeholders are #veil0, #veil1…: safe object keys, unlike attribute names.
        return "{\n" + projection.names().entrySet().stream()
                .map(e -> "  " + TypeScriptWriter.literal(e.getKey()) + ": " + TypeScriptWriter.literal(e.getValue()) + ",")
                .collect(Collectors.joining("\n")) + "\n}";
    }

    private static String view(Policy policy, Projection projection) {
        Set<String> topLevel = new LinkedHashSet<>();
        projection.paths().forEach(p -> topLevel.add(p.topLevelName()));
        if (topLevel.isEmpty()) {
            return "{}";
        }
        List<String> members = new ArrayList<>();
        for (String name : topLevel) {
            PolicyRule rule = policy.attributes().get(name);
            List<DynamoType> types = policy.hasEntities() ? entityTypes(policy, name) : rule == null ? List.of() : rule.types();
            members.add("  readonly " + TypeScriptWriter.literal(name) + "?: " + tsType(types) + ";");
        }
        return "{\n" + String.join("\n", members) + "\n}";
    }

    /** The types an attribute has in the entities that name it; empty (any value) if one of them records none. */
    private static List<DynamoType> entityTypes(Policy policy, String name) {
        Set<DynamoType> types = new LinkedHashSet<>();
        for (var e : policy.entities().values()) {
            PolicyRule rule = e.attributes().get(name);
            if (rule != null) {
                if (rule.types().isEmpty()) {
                    return List.of();
                }
                types.addAll(rule.types());
            }
        }
        return List.copyOf(types);
    }

    private static String tsType(List<DynamoType> types) {
        if (types.isEmpty()) {
            return "AttributeValue";
        }
        return types.stream().map(t -> switch (t) {
            case S -> "string";
            case N -> "DynamoNumber";
            case B -> "Uint8Array";
            case BOOL -> "boolean";
            case NULL -> "null";
            case M -> "{ readonly [name: string]: AttributeValue }";
            case L -> "readonly AttributeValue[]";
            case SS -> "ReadonlySet<string>";
            case NS -> "ReadonlySet<DynamoNumber>";
            case BS -> "ReadonlySet<Uint8Array>";
        }).distinct().collect(Collectors.joining(" | "));
    }

    private static String fields(Map<String, PolicyRule> fields, int depth) {
        if (fields.isEmpty()) {
            return "new Map<string, Rule>()";
        }
        String pad = "  ".repeat(depth + 1);
        List<String> entries = new ArrayList<>();
        fields.forEach((name, rule) -> entries.add(pad + "[" + TypeScriptWriter.literal(name) + ", " + rule(rule, depth + 1) + "],"));
        return "new Map<string, Rule>([\n" + String.join("\n", entries) + "\n" + "  ".repeat(depth) + "])";
    }

    private static String rule(PolicyRule r, int depth) {
        String access = r.classification().map(Classification::label).map(TypeScriptWriter::literal).orElse("null");
        StringBuilder sb = new StringBuilder("{ access: ").append(access);
        if (!r.fields().isEmpty()) {
            sb.append(", fields: ").append(fields(r.fields(), depth));
        }
        r.items().ifPresent(i -> sb.append(", items: ").append(rule(i, depth)));
        return sb.append(" }").toString();
    }

    private static final String TYPES = """
            /** A number as the DocumentClient returns it: a number, a bigint, or a NumberValue (wrapNumbers). */
            export type DynamoNumber = number | bigint | { readonly value: string };

            /** Any value the DocumentClient returns. */
            export type AttributeValue =
              | string
              | DynamoNumber
              | boolean
              | null
              | Uint8Array
              | ReadonlySet<string | DynamoNumber | Uint8Array>
              | readonly AttributeValue[]
              | { readonly [name: string]: AttributeValue };

            /** An item as the DocumentClient returns it. */
            export type Item = { readonly [name: string]: AttributeValue };

            type Access = "public" | "owner-only" | "secret" | null;

            interface Rule {
              readonly access: Access;
              readonly fields?: ReadonlyMap<string, Rule>;
              readonly items?: Rule;
            }

            """;

    /** Rule compilation, shared by both forms of policy. */
    private static final String COMPILE = """
            const DROP: unique symbol = Symbol("drop");

            /** A rule with the fields each view may keep worked out once, so sanitizing looks up only those. */
            interface CompiledRule {
              readonly access: Access;
              readonly ownerFields?: ReadonlyArray<readonly [string, CompiledRule]>;
              readonly publicFields?: ReadonlyArray<readonly [string, CompiledRule]>;
              readonly items?: CompiledRule;
            }

            function compile(rule: Rule): CompiledRule {
              const items = rule.items === undefined ? undefined : compile(rule.items);
              if (rule.fields === undefined) {
                return items === undefined ? { access: rule.access } : { access: rule.access, items };
              }
              const fields = [...rule.fields.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
                .map(([name, child]) => [name, compile(child)] as const);
              return {
                access: rule.access,
                ownerFields: fields.filter(([, c]) => allows(c.access, true)),
                publicFields: fields.filter(([, c]) => allows(c.access, false)),
                ...(items === undefined ? {} : { items }),
              };
            }

            function allows(access: Access, owner: boolean): boolean {
              return access === null || access === "public" || (access === "owner-only" && owner);
            }

            """;

    /** sanitize() and isOwner() of a table of one kind. */
    private static final String SANITIZE_ONE_KIND = """
            const ROOT: CompiledRule = compile({ access: null, fields: RULES });

            /**
             * Returns what requesterId may see of item: public attributes, owner-only ones when the
             * requester owns the item, nothing else. Removed attributes are absent, never undefined.
             */
            export function sanitize(item: Item, requesterId?: string): Item {
              const owner = isOwner(item, requesterId);
              return filterFields(item, (owner ? ROOT.ownerFields : ROOT.publicFields) ?? [], owner);
            }

            /** True when the item's owner attribute, as text, equals requesterId. */
            export function isOwner(item: Item, requesterId?: string): boolean {
              if (OWNER_ATTRIBUTE === undefined || requesterId === undefined) {
                return false;
              }
              if (!Object.prototype.hasOwnProperty.call(item, OWNER_ATTRIBUTE)) {
                return false;
              }
              const value = item[OWNER_ATTRIBUTE];
              if (typeof value === "string") {
                return value === requesterId;
              }
              if (typeof value === "number" || typeof value === "bigint") {
                return String(value) === requesterId;
              }
              if (isNumberValue(value)) {
                return value.value === requesterId;
              }
              return false;
            }

            """;

    /** Filtering by compiled rules and JSON conversion, shared by both forms of policy. */
    private static final String FILTER = """
            function isPlainMap(value: unknown): value is { readonly [name: string]: AttributeValue } {
              if (typeof value !== "object" || value === null || Array.isArray(value)) {
                return false;
              }
              const proto: unknown = Object.getPrototypeOf(value);
              return proto === Object.prototype || proto === null;
            }

            function isNumberValue(value: unknown): value is { readonly value: string } {
              return typeof value === "object" && value !== null && !isPlainMap(value)
                && typeof (value as { value?: unknown }).value === "string";
            }

            function filterFields(values: Item, fields: ReadonlyArray<readonly [string, CompiledRule]>, owner: boolean): Item {
              const out: { [name: string]: AttributeValue } = {};
              for (const [name, rule] of fields) {
                if (!Object.prototype.hasOwnProperty.call(values, name)) {
                  continue;
                }
                // A leaf the view may keep (the view's field list is pre-filtered) passes whole.
                const leaf = rule.ownerFields === undefined && rule.items === undefined;
                const value = values[name] as AttributeValue;
                const kept = leaf ? value : apply(rule, value, owner);
                if (kept === DROP) {
                  continue;
                }
                if (name === "__proto__") {
                  // Assignment would set the prototype: define it as the plain key it is.
                  Object.defineProperty(out, name, { value: kept, enumerable: true, writable: true, configurable: true });
                } else {
                  out[name] = kept;
                }
              }
              return out;
            }

            /**
             * Converts what the DocumentClient returns into values JSON.stringify keeps exactly: a number a
             * JavaScript number would round (38 digits, wrapNumbers) stays a string, sets become arrays and
             * binary becomes base64 text.
             */
            export function toJsonSafe(value: AttributeValue): unknown {
              if (typeof value === "bigint") {
                return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
              }
              if (isNumberValue(value)) {
                const n = Number(value.value);
                return String(n) === value.value ? n : value.value;
              }
              if (value instanceof Uint8Array) {
                return base64(value);
              }
              if (value instanceof Set) {
                return [...value].map((v) => toJsonSafe(v));
              }
              if (Array.isArray(value)) {
                return (value as readonly AttributeValue[]).map(toJsonSafe);
              }
              if (isPlainMap(value)) {
                const out: { [name: string]: unknown } = {};
                for (const name of Object.keys(value)) {
                  Object.defineProperty(out, name, { value: toJsonSafe(value[name] as AttributeValue), enumerable: true, writable: true, configurable: true });
                }
                return out;
              }
              return value;
            }

            const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

            function base64(bytes: Uint8Array): string {
              let out = "";
              for (let i = 0; i < bytes.length; i += 3) {
                const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
                out += BASE64.charAt((n >> 18) & 63) + BASE64.charAt((n >> 12) & 63);
                out += i + 1 < bytes.length ? BASE64.charAt((n >> 6) & 63) : "=";
                out += i + 2 < bytes.length ? BASE64.charAt(n & 63) : "=";
              }
              return out;
            }

            function apply(rule: CompiledRule, value: AttributeValue, owner: boolean): AttributeValue | typeof DROP {
              if (!allows(rule.access, owner)) {
                return DROP;
              }
              if (rule.ownerFields !== undefined) {
                return isPlainMap(value) ? filterFields(value, (owner ? rule.ownerFields : rule.publicFields) ?? [], owner) : DROP;
              }
              if (rule.items !== undefined) {
                if (!Array.isArray(value)) {
                  return DROP;
                }
                const kept: AttributeValue[] = [];
                for (const element of value as readonly AttributeValue[]) {
                  const k = apply(rule.items, element, owner);
                  if (k !== DROP) {
                    kept.push(k);
                  }
                }
                return kept;
              }
              return value;
            }
            """;

    private static final String READS = """

            import { GetCommand, QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
            import type {
              DynamoDBDocumentClient,
              QueryCommandInput,
              QueryCommandOutput,
              ScanCommandOutput,
            } from "@aws-sdk/lib-dynamodb";
            import {
              EXPRESSION_ATTRIBUTE_NAMES_OWNER,
              EXPRESSION_ATTRIBUTE_NAMES_PUBLIC,
              OWNER_ATTRIBUTE,
              PROJECTION_EXPRESSION_OWNER,
              PROJECTION_EXPRESSION_PUBLIC,
              TABLE_NAME,
              isOwner,
              sanitize,
            } from "./SANITIZER.js";
            import type { Item } from "./SANITIZER.js";

            function projection(owner: boolean, callers?: Record<string, string>): {
              ProjectionExpression?: string;
              ExpressionAttributeNames?: Record<string, string>;
            } {
              const expression = owner ? PROJECTION_EXPRESSION_OWNER : PROJECTION_EXPRESSION_PUBLIC;
              if (expression === "") {
                return callers === undefined ? {} : { ExpressionAttributeNames: { ...callers } };
              }
              const names: Record<string, string> = { ...callers };
              const ours: Readonly<Record<string, string>> = owner ? EXPRESSION_ATTRIBUTE_NAMES_OWNER : EXPRESSION_ATTRIBUTE_NAMES_PUBLIC;
              for (const [placeholder, name] of Object.entries(ours)) {
                if (Object.prototype.hasOwnProperty.call(names, placeholder) && names[placeholder] !== name) {
                  throw new Error(`ExpressionAttributeNames uses ${placeholder}, which the projection needs; `
                    + "pick placeholders that do not start with #veil");
                }
                names[placeholder] = name;
              }
              return { ProjectionExpression: expression, ExpressionAttributeNames: names };
            }

            /**
             * The owner projection only for an item that may be the requester's: a key naming the owner
             * attribute says whose item it is, a key without it could be anyone's. IAM policies Veil
             * generates allow exactly this.
             */
            function ownerView(key: Record<string, unknown>, requesterId?: string): boolean {
              if (OWNER_ATTRIBUTE === undefined || requesterId === undefined) {
                return false;
              }
              return !Object.prototype.hasOwnProperty.call(key, OWNER_ATTRIBUTE) || isOwner(key as Item, requesterId);
            }

            /** Gets one item with the requester's projection and sanitizes it; undefined when absent. */
            export async function safeGetItem(
              client: DynamoDBDocumentClient,
              key: Record<string, unknown>,
              requesterId?: string,
            ): Promise<Item | undefined> {
              const response = await client.send(new GetCommand({ TableName: TABLE_NAME, Key: key, ...projection(ownerView(key, requesterId)) }));
              return response.Item === undefined ? undefined : sanitize(response.Item as Item, requesterId);
            }

            /**
             * A query for {@link safeQuery}: what QueryCommand takes, but the table, the projection (the
             * helper sends the requester's view's), the start key (it paginates) and legacy conditions.
             */
            export type SafeQueryInput = Omit<
              QueryCommandInput,
              "TableName" | "ProjectionExpression" | "Select" | "AttributesToGet" | "KeyConditions" | "QueryFilter"
              | "ExclusiveStartKey" | "KeyConditionExpression"
            > & { readonly KeyConditionExpression: string };

            const AND = /\\s+AND\\s+/i;
            const EQUALS = /^(#?[A-Za-z0-9_]+)\\s*=\\s*(:[A-Za-z0-9_]+)$/;
            const NAME = /#[A-Za-z0-9_]+|(?<![:#\\w.])[A-Za-z_][A-Za-z0-9_]*/g;

            /**
             * The owner projection only for a query of the requester's own items: a key condition pinning
             * the owner attribute to requesterId, or a query of the table whose key condition leaves the
             * owner attribute out (it then is not the partition key, which every table query pins).
             * Another owner's partition, any other condition on the owner attribute, and an index query
             * not pinning it read anyone's items: the public projection, as Veil's IAM policies allow.
             */
            function queryOwnerView(input: SafeQueryInput, requesterId?: string): boolean {
              if (OWNER_ATTRIBUTE === undefined || requesterId === undefined) {
                return false;
              }
              const names: Record<string, string> = { ...input.ExpressionAttributeNames };
              const values: Record<string, unknown> = { ...input.ExpressionAttributeValues };
              const resolve = (token: string): string =>
                Object.prototype.hasOwnProperty.call(names, token) ? (names[token] ?? token) : token;
              let named = false;
              for (const part of input.KeyConditionExpression.split(AND)) {
                const conjunct = part.trim().replace(/^\\(+|\\)+$/g, "").trim();
                const equality = EQUALS.exec(conjunct);
                if (equality !== null && resolve(equality[1] ?? "") === OWNER_ATTRIBUTE) {
                  const value = values[equality[2] ?? ""];
                  return value !== undefined && isOwner({ [OWNER_ATTRIBUTE]: value } as Item, requesterId);
                }
                for (const token of conjunct.match(NAME) ?? []) {
                  named = named || resolve(token) === OWNER_ATTRIBUTE;
                }
              }
              return !named && input.IndexName === undefined;
            }

            /**
             * Runs a query page by page, yielding every item sanitized for requesterId, with the owner
             * projection only for the requester's own items (see queryOwnerView) and the public one else.
             * Limit, as with the SDK's paginateQuery, is a page size.
             */
            export async function* safeQuery(
              client: DynamoDBDocumentClient,
              input: SafeQueryInput,
              requesterId?: string,
            ): AsyncGenerator<Item> {
              for (const taken of ["TableName", "ProjectionExpression", "Select", "AttributesToGet", "KeyConditions", "QueryFilter"]) {
                if (Object.prototype.hasOwnProperty.call(input, taken)) {
                  throw new Error(`safeQuery sends the table and the projection of the requester's view; remove ${taken}`);
                }
              }
              const request: QueryCommandInput = {
                ...input,
                TableName: TABLE_NAME,
                ...projection(queryOwnerView(input, requesterId), input.ExpressionAttributeNames),
              };
              let startKey: Record<string, unknown> | undefined = undefined;
              do {
                const response: QueryCommandOutput = await client.send(
                  new QueryCommand(startKey === undefined ? request : { ...request, ExclusiveStartKey: startKey }),
                );
                for (const item of response.Items ?? []) {
                  yield sanitize(item as Item, requesterId);
                }
                startKey = response.LastEvaluatedKey;
              } while (startKey !== undefined);
            }

            /** Scans the whole table page by page, yielding every item sanitized for requesterId; always with
             * the public projection, because a scan reads everyone's items. */
            export async function* safeScan(client: DynamoDBDocumentClient, requesterId?: string): AsyncGenerator<Item> {
              let startKey: Record<string, unknown> | undefined = undefined;
              do {
                const response: ScanCommandOutput = await client.send(
                  new ScanCommand({ TableName: TABLE_NAME, ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }), ...projection(false) }),
                );
                for (const item of response.Items ?? []) {
                  yield sanitize(item as Item, requesterId);
                }
                startKey = response.LastEvaluatedKey;
              } while (startKey !== undefined);
            }
            """;
}
