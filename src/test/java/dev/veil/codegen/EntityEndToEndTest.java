package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.demo.LocalDynamo;
import dev.veil.model.Policy;
import dev.veil.testing.LocalDynamoExtension;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Services over a single-table design against the local DynamoDB, each using the sanitizer Veil
 * generates for its {@code veil-policy/2} policy: a Flask + boto3 service, a Java SDK v2 one and a
 * Node lib-dynamodb one. Alice and Bob each have a profile (USER), an order (ORDER), an invite
 * they sent (INVITE) and an audit event nobody owns (AUDIT), plus an item of no entity and one of
 * two. For every entity, no secret attribute and no owner-only attribute of another user's item
 * comes back, the owner sees their own, and the stray items never come back at all.
 */
@ExtendWith(LocalDynamoExtension.class)
class EntityEndToEndTest {

    /** The app_data policy over a table of its own: the demo tables other tests seed include an app_data. */
    private static final Policy POLICY = CodegenFixtures.digested(Policy.draftOfEntities("shop_e2e", 1, Optional.empty(),
            CodegenFixtures.appData().entities()));
    private static final List<String> SECRETS = List.of("password_hash", "card_token", "token", "ip");
    private static final List<String> OWNER_ONLY = List.of("email", "address", "total");

    @TempDir
    Path dir;

    @BeforeAll
    static void seed(DynamoDbClient dynamo) {
        dynamo.createTable(t -> t.tableName(POLICY.table())
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
        for (String user : List.of("alice", "bob")) {
            String pk = "USER#" + user;
            put(dynamo, Map.of("pk", s(pk), "sk", s("PROFILE"), "_et", s("USER"), "username", s(user),
                    "email", s(user + "@example.com"), "password_hash", s("hash-" + user),
                    "address", AttributeValue.fromM(Map.of("city", s("Lyon"), "street", s("1 rue " + user)))));
            put(dynamo, Map.of("pk", s(pk), "sk", s("ORDER#2024-" + user), "status", s("shipped"),
                    "total", AttributeValue.fromN("12345678901234567890123456789012345678"), "card_token", s("tok-" + user)));
            put(dynamo, Map.of("pk", s(pk), "sk", s("INVITE#" + user), "inviter_id", s(user),
                    "email", s("friend-of-" + user + "@example.com"), "token", s("invite-secret-" + user)));
            put(dynamo, Map.of("pk", s(pk), "sk", s("EVENT#1"), "_et", s("AUDIT"), "action", s("login"), "ip", s("10.0.0.1")));
            put(dynamo, Map.of("pk", s(pk), "sk", s("STRAY#1"), "email", s("stray-" + user + "@example.com")));
            put(dynamo, Map.of("pk", s(pk), "sk", s("ORDER#both"), "_et", s("USER"), "email", s("both-" + user)));
        }
    }

    private static void put(DynamoDbClient dynamo, Map<String, AttributeValue> item) {
        dynamo.putItem(p -> p.tableName(POLICY.table()).item(item));
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    @Test
    void aFlaskServiceOverBoto3ShowsEachUserOnlyWhatEachEntityAllows(LocalDynamo local) throws Exception {
        String python = SdkServices.pythonWith("boto3", "flask");
        String service = """
                import json, sys
                import boto3
                from boto3.dynamodb.conditions import Key
                from flask import Flask, jsonify, request
                import shop_e2e_sanitizer as s

                table = boto3.resource("dynamodb", endpoint_url=sys.argv[1], region_name="us-east-1",
                                       aws_access_key_id="local", aws_secret_access_key="local").Table(s.TABLE_NAME)
                app = Flask(__name__)

                def requester():
                    return request.headers.get("X-User")

                @app.get("/users/<user>/items")
                def items(user):
                    rows = s.safe_query(table, requester(), KeyConditionExpression=Key("pk").eq("USER#" + user))
                    return jsonify([s.to_json_safe(row) for row in rows])

                @app.get("/users/<user>/items/<path:sk>")
                def item(user, sk):
                    found = s.safe_get_item(table, {"pk": "USER#" + user, "sk": sk}, requester())
                    return (jsonify(s.to_json_safe(found)), 200) if found is not None else ("", 404)

                @app.get("/items")
                def everything():
                    return jsonify([s.to_json_safe(row) for row in s.safe_scan(table, requester())])

                client = app.test_client()
                out = {}
                for viewer in ("alice", "bob", None):
                    headers = {} if viewer is None else {"X-User": viewer}
                    name = viewer or "anonymous"
                    out[name] = {"alice": client.get("/users/alice/items", headers=headers).get_json(),
                                 "scan": client.get("/items", headers=headers).get_json(),
                                 "order": client.get("/users/alice/items/ORDER%232024-alice", headers=headers).get_json(),
                                 "stray": client.get("/users/alice/items/STRAY%231", headers=headers).status_code}
                print(json.dumps(out))
                """;
        JsonNode out = new ObjectMapper().readTree(SdkServices.runPython(python, POLICY, dir, service, "Flask service",
                local.endpoint().toString()));
        for (String viewer : List.of("alice", "bob", "anonymous")) {
            assertNothingSecretAndNoStray(viewer, out.at("/" + viewer + "/alice"));
            assertNothingSecretAndNoStray(viewer, out.at("/" + viewer + "/scan"));
            assertThat(out.at("/" + viewer + "/stray").asInt()).as("an item of no entity is not found").isEqualTo(404);
            assertThat(out.at("/" + viewer + "/alice")).as(viewer + " reads alice's USER, ORDER, INVITE and AUDIT items")
                    .hasSize(4);
        }
        assertOwnerSeesOwn(items(out.at("/alice/alice")));
        for (String other : List.of("bob", "anonymous")) {
            assertNoOwnerOnlyOfAlice(other, items(out.at("/" + other + "/alice")));
            assertNoOwnerOnlyOfAlice(other, items(out.at("/" + other + "/scan")));
        }
        assertThat(out.at("/alice/order/total").asText()).isEqualTo("12345678901234567890123456789012345678");
        assertThat(out.at("/bob/order").has("total")).isFalse();
        assertThat(out.at("/bob/order/status").asText()).isEqualTo("shipped");
    }

    @Test
    void aJavaServiceShowsEachUserOnlyWhatEachEntityAllows(DynamoDbClient dynamo) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (URLClassLoader loader = SdkServices.javaSanitizer(POLICY, "e2e.app", dir, getClass().getClassLoader())) {
            Class<?> sanitizer = loader.loadClass("e2e.app.ShopE2eSanitizer");
            Method query = sanitizer.getMethod("query", DynamoDbClient.class, QueryRequest.class, String.class);
            Method scan = sanitizer.getMethod("scan", DynamoDbClient.class, String.class);
            Method getItem = sanitizer.getMethod("getItem", DynamoDbClient.class, Map.class, String.class);
            QueryRequest alicesPartition = QueryRequest.builder().keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s("USER#alice"))).build();
            for (String viewer : new String[] {"alice", "bob", null}) {
                JsonNode partition = json.valueToTree(plain(query.invoke(null, dynamo, alicesPartition, viewer)));
                JsonNode all = json.valueToTree(plain(scan.invoke(null, dynamo, viewer)));
                assertNothingSecretAndNoStray(String.valueOf(viewer), partition);
                assertNothingSecretAndNoStray(String.valueOf(viewer), all);
                assertThat(partition).hasSize(4);
                if ("alice".equals(viewer)) {
                    assertOwnerSeesOwn(items(partition));
                } else {
                    assertNoOwnerOnlyOfAlice(String.valueOf(viewer), items(partition));
                    assertNoOwnerOnlyOfAlice(String.valueOf(viewer), items(all));
                }
                assertThat((Optional<?>) getItem.invoke(null, dynamo, Map.of("pk", s("USER#alice"), "sk", s("STRAY#1")), viewer))
                        .as("an item of no entity").isEmpty();
            }
        }
    }

    @Test
    void aNodeServiceShowsEachUserOnlyWhatEachEntityAllows(LocalDynamo local) throws Exception {
        String service = """
                import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
                import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
                import { safeGetItem, safeQuery, safeScan } from "./shopE2eReads";
                import { toJsonSafe } from "./shopE2eSanitizer";

                async function main(): Promise<void> {
                  const endpoint = process.argv[2] ?? "";
                  const client = DynamoDBDocumentClient.from(
                    new DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } }),
                    { unmarshallOptions: { wrapNumbers: true } },
                  );
                  const out: { [k: string]: unknown } = {};
                  for (const viewer of ["alice", "bob", undefined]) {
                    const alice: unknown[] = [];
                    for await (const item of safeQuery(client, { KeyConditionExpression: "pk = :pk",
                      ExpressionAttributeValues: { ":pk": "USER#alice" } }, viewer)) {
                      alice.push(toJsonSafe(item));
                    }
                    const scan: unknown[] = [];
                    for await (const item of safeScan(client, viewer)) {
                      scan.push(toJsonSafe(item));
                    }
                    const stray = await safeGetItem(client, { pk: "USER#alice", sk: "STRAY#1" }, viewer);
                    out[viewer ?? "anonymous"] = { alice, scan, stray: stray === undefined ? null : toJsonSafe(stray) };
                  }
                  process.stdout.write(JSON.stringify(out));
                  client.destroy();
                }
                void main();
                """;
        String tsconfig = """
                {"compilerOptions": {"strict": true, "noUncheckedIndexedAccess": true, "exactOptionalPropertyTypes": true,
                 "target": "ES2020", "module": "commonjs", "outDir": "out",
                 "types": ["node"], "noEmitOnError": true, "skipLibCheck": true}, "include": ["*.ts"]}
                """;
        JsonNode out = new ObjectMapper().readTree(SdkServices.runTypeScript(POLICY, dir, service, tsconfig, "node service",
                local.endpoint().toString()));
        for (String viewer : List.of("alice", "bob", "anonymous")) {
            assertNothingSecretAndNoStray(viewer, out.at("/" + viewer + "/alice"));
            assertNothingSecretAndNoStray(viewer, out.at("/" + viewer + "/scan"));
            assertThat(out.at("/" + viewer + "/alice")).hasSize(4);
            assertThat(out.at("/" + viewer + "/stray").isNull()).as("an item of no entity").isTrue();
        }
        assertOwnerSeesOwn(items(out.at("/alice/alice")));
        for (String other : List.of("bob", "anonymous")) {
            assertNoOwnerOnlyOfAlice(other, items(out.at("/" + other + "/alice")));
            assertNoOwnerOnlyOfAlice(other, items(out.at("/" + other + "/scan")));
        }
    }

    /** Sanitized SDK items as plain values: strings, numbers as text, maps; enough for the checks. */
    private static List<Object> plain(Object stream) {
        List<Object> out = new ArrayList<>();
        ((Stream<?>) stream).forEach(item -> out.add(plainValue(AttributeValue.fromM(castItem(item)))));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, AttributeValue> castItem(Object item) {
        return (Map<String, AttributeValue>) item;
    }

    private static Object plainValue(AttributeValue v) {
        if (v.hasM()) {
            Map<String, Object> m = new java.util.TreeMap<>();
            v.m().forEach((k, x) -> m.put(k, plainValue(x)));
            return m;
        }
        return v.s() != null ? v.s() : v.n() != null ? v.n() : v.toString();
    }

    /** Items by sort key. */
    private static Map<String, JsonNode> items(JsonNode list) {
        Map<String, JsonNode> out = new java.util.TreeMap<>();
        list.forEach(i -> out.put(i.get("pk").asText() + " " + i.get("sk").asText(), i));
        return out;
    }

    private static void assertNothingSecretAndNoStray(String viewer, JsonNode list) {
        assertThat(list.isArray()).as(viewer + ": " + list).isTrue();
        for (JsonNode item : list) {
            for (String secret : SECRETS) {
                assertThat(item.has(secret)).as(viewer + " sees secret " + secret + " in " + item).isFalse();
            }
            assertThat(item.get("sk").asText()).as(viewer + ": items of no entity or of two are dropped")
                    .isNotIn("STRAY#1", "ORDER#both");
            if (item.has("address")) {
                assertThat(item.get("address").has("street")).as("a field the policy does not name").isFalse();
            }
        }
    }

    private static void assertOwnerSeesOwn(Map<String, JsonNode> alice) {
        assertThat(alice.get("USER#alice PROFILE").get("email").asText()).isEqualTo("alice@example.com");
        assertThat(alice.get("USER#alice PROFILE").at("/address/city").asText()).isEqualTo("Lyon");
        assertThat(alice.get("USER#alice ORDER#2024-alice").has("total")).isTrue();
        assertThat(alice.get("USER#alice INVITE#alice").get("email").asText()).isEqualTo("friend-of-alice@example.com");
        assertThat(alice.get("USER#alice EVENT#1").get("action").asText()).isEqualTo("login");
    }

    private static void assertNoOwnerOnlyOfAlice(String viewer, Map<String, JsonNode> items) {
        items.forEach((key, item) -> {
            if (key.startsWith("USER#alice ")) {
                for (String ownerOnly : OWNER_ONLY) {
                    assertThat(item.has(ownerOnly)).as(viewer + " sees alice's " + ownerOnly + " in " + item).isFalse();
                }
            }
        });
        assertThat(items.get("USER#alice PROFILE").get("username").asText()).isEqualTo("alice");
    }
}
