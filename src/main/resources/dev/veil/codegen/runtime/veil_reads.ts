/**
 * The fixed part of the reads module of every TypeScript sanitizer Veil generates, type-checked as it
 * stands beside veil_runtime.ts (TypeScriptWriter names the generated sanitizer module in place of
 * "./veil_runtime.js"). Each "// veil: <name>" line starts a section and is left out of the output.
 */
// veil: reads
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
} from "./veil_runtime.js";
import type { Item } from "./veil_runtime.js";

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

const AND = /\s+AND\s+/i;
const EQUALS = /^(#?[A-Za-z0-9_]+)\s*=\s*(:[A-Za-z0-9_]+)$/;
const NAME = /#[A-Za-z0-9_]+|(?<![:#\w.])[A-Za-z_][A-Za-z0-9_]*/g;

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
    const conjunct = part.trim().replace(/^\(+|\)+$/g, "").trim();
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
