// Times the generated TypeScript sanitizer against a hand-written allow-list on realistic items.
// Compile with the pinned tsc together with the golden usersSanitizer.ts, then run with node
// (see docs/PERFORMANCE.md for the exact commands).
import { sanitize } from "./usersSanitizer";
import type { Item } from "./usersSanitizer";

const PUBLIC = ["user_id", "username", "tags"];
const OWNER = ["email", "lifetime_points"];

function sanitizeUserItem(item: { [k: string]: any }, requesterId?: string): { [k: string]: any } {
  const out: { [k: string]: any } = {};
  for (const k of PUBLIC) if (k in item) out[k] = item[k];
  if (requesterId === undefined || item.user_id !== requesterId) return out;
  for (const k of OWNER) if (k in item) out[k] = item[k];
  if (item.address) out.address = { city: item.address.city };
  if (Array.isArray(item.orders)) out.orders = item.orders.map((o: any) => ({ order_id: o.order_id, total: o.total }));
  return out;
}

function item(i: number): Item {
  return {
    user_id: "usr_" + i, username: "user" + i, email: `user${i}@veilmail.dev`, password_hash: "$2b$12$" + "a".repeat(53),
    api_key: "vk_live_9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c", internal_role: "customer",
    lifetime_points: { value: "12345678901234567890123456789012345678" }, tags: new Set(["beta", "vip"]),
    profile_complete: true, created_at: "2025-03-04T05:06:07Z",
    address: { street: i + " Main Street", city: "Lyon", postcode: "69001", country: "FR" },
    orders: [0, 1, 2].map((o) => ({ order_id: "ord_" + o, total: 19.99, placed_at: "2025-01-0" + (o + 1) })),
  };
}

const items = Array.from({ length: 64 }, (_, i) => item(i));
const n = 200_000;
for (const [label, requester] of [["owner", (it: Item) => it.user_id as string], ["stranger", () => "usr_other"]] as const) {
  for (const [name, fn] of [["generated", sanitize], ["hand-written", sanitizeUserItem]] as const) {
    let best = Infinity;
    for (let r = 0; r < 5; r++) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) {
        const it = items[i & 63];
        fn(it, requester(it));
      }
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
    }
    console.log(`${label.padEnd(9)} ${name.padEnd(13)} ${Math.round(n / best)} items/s`);
  }
}
