/**
 * The fixed part of every TypeScript sanitizer Veil generates, type-checked as it stands. Each
 * "// veil: <name>" line starts a section and is left out of the output; the sample sections only
 * make this file a module of its own (TypeScriptWriter writes the policy's constants, views and rules
 * in their place), and a policy with entities takes the sections of veil_entities.ts instead of
 * sanitize-one-kind.
 */
// veil: sample-constants
export const TABLE_NAME = "example";
export const POLICY_VERSION = 1;
export const POLICY_DIGEST = "";
export const OWNER_ATTRIBUTE: string | undefined = "owner_id";

export const PROJECTION_EXPRESSION_OWNER: string = "";
export const EXPRESSION_ATTRIBUTE_NAMES_OWNER: Readonly<Record<string, string>> = {};
export const PROJECTION_EXPRESSION_PUBLIC: string = "";
export const EXPRESSION_ATTRIBUTE_NAMES_PUBLIC: Readonly<Record<string, string>> = {};

// veil: types
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

// veil: sample-rules
/** What any requester may see; every attribute may be absent. */
export interface PublicView {
  readonly "owner_id"?: string;
}

/** What the item's owner may see; every attribute may be absent. */
export interface OwnerView {
  readonly "owner_id"?: string;
}

const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ["owner_id", { access: "public" }],
]);

// veil: compile
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

// veil: sanitize-one-kind
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

// veil: filter
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
