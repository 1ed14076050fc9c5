/**
 * The sections a sanitizer of a veil-policy/2 policy (entities) takes in place of veil_runtime.ts's
 * sanitize-one-kind, and its reads in place of veil_reads.ts's query view. Each "// veil: <name>"
 * line starts a section and is left out of the output; the tests type-check these sections in their
 * places, with the sample section standing for the policy's entity table.
 */
// veil: entity-types
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

// veil: sample-entities
const ENTITIES: readonly Entity[] = [
  {
    name: "example",
    match: { attribute: "type", equals: true, value: "example" },
    owner: { attribute: "owner_id", template: "{id}" },
    rules: new Map<string, Rule>([
      ["owner_id", { access: "public" }],
    ]),
  },
];

// veil: sanitize-entities
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

// veil: query-view-entities
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
    const conjunct = part.trim().replace(/^\(+|\)+$/g, "").trim();
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
