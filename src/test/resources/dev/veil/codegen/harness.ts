// Runs generated TypeScript sanitizers on items given as DynamoDB JSON lines (see python_harness.py).
// Numbers become NumberValue-like objects, as the DocumentClient returns them with wrapNumbers.
import * as fs from "node:fs";

class NumberValue {
  constructor(readonly value: string) {}
}

type Json = { [key: string]: any };

function define(target: Json, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function load(av: Json): unknown {
  const kind = Object.keys(av)[0];
  const v = av[kind];
  switch (kind) {
    case "S": return v;
    case "N": return new NumberValue(v);
    case "B": return new Uint8Array(Buffer.from(v, "base64"));
    case "BOOL": return v;
    case "NULL": return null;
    case "M": return loadMap(v);
    case "L": return (v as Json[]).map(load);
    case "SS": return new Set(v as string[]);
    case "NS": return new Set((v as string[]).map((x) => new NumberValue(x)));
    case "BS": return new Set((v as string[]).map((x) => new Uint8Array(Buffer.from(x, "base64"))));
    default: throw new Error("unknown type " + kind);
  }
}

function loadMap(m: Json): Json {
  const out: Json = {};
  for (const k of Object.keys(m)) {
    define(out, k, load(m[k]));
  }
  return out;
}

function dump(v: unknown): Json {
  if (typeof v === "string") return { S: v };
  if (typeof v === "boolean") return { BOOL: v };
  if (v === null) return { NULL: true };
  if (v instanceof NumberValue) return { N: v.value };
  if (typeof v === "number" || typeof v === "bigint") return { N: String(v) };
  if (v instanceof Uint8Array) return { B: Buffer.from(v).toString("base64") };
  if (Array.isArray(v)) return { L: v.map(dump) };
  if (v instanceof Set) {
    const elements = [...v];
    if (elements.every((x) => typeof x === "string")) return { SS: elements };
    if (elements.every((x) => x instanceof NumberValue)) return { NS: elements.map((x) => (x as NumberValue).value) };
    return { BS: elements.map((x) => Buffer.from(x as Uint8Array).toString("base64")) };
  }
  const out: Json = {};
  for (const k of Object.keys(v as Json)) {
    define(out, k, dump((v as Json)[k]));
  }
  return { M: out };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const modules = process.argv.slice(2).map((p) => require(p) as { sanitize(item: Json, requesterId?: string): Json | null });
const lines = fs.readFileSync(0, "utf8").split("\n").filter((l) => l.length > 0);
const out: string[] = [];
for (const line of lines) {
  const c = JSON.parse(line) as { module: number; requester: string | null; item: Json };
  const result = modules[c.module].sanitize(loadMap(c.item), c.requester === null ? undefined : c.requester);
  // null: an item of no entity, or of several, dropped whole.
  out.push(result === null ? "null" : JSON.stringify((dump(result) as { M: Json }).M));
}
process.stdout.write(out.join("\n") + (out.length > 0 ? "\n" : ""));
