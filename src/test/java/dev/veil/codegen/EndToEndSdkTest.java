package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.demo.LocalDynamo;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The generated sanitizers with the real SDKs against the local DynamoDB and the demo users
 * table: Java SDK v2, Python boto3 and Node's lib-dynamodb each fetch with the generated
 * projection and sanitize (boto3 also through {@code safe_query}, as a service would). Non-owners never see owner-only or secret attributes, owners see
 * their own owner-only attributes, and a 38-digit number comes back exact.
 */
@ExtendWith(LocalDynamoExtension.class)
class EndToEndSdkTest {

    /** The demo user whose lifetime_points is the 38-digit number (the demo's eighth user). */
    private static String userId;
    private static final String FULL_PRECISION = "12345678901234567890123456789012345678";
    private static final Policy POLICY = demoUsersPolicy();

    @TempDir
    Path dir;

    @BeforeAll
    static void seed(DynamoDbClient dynamo) {
        DemoTables.seeded(dynamo);
        userId = dynamo.scanPaginator(r -> r.tableName("users")).items().stream()
                .filter(i -> i.containsKey("lifetime_points") && FULL_PRECISION.equals(i.get("lifetime_points").n()))
                .map(i -> i.get("user_id").s()).findFirst().orElseThrow();
    }

    @Test
    void javaSdkFetchesWithTheProjectionAndSanitizes(DynamoDbClient dynamo) throws Exception {
        try (URLClassLoader loader = SdkServices.javaSanitizer(POLICY, "e2e.users", dir, getClass().getClassLoader())) {
            Method getItem = loader.loadClass("e2e.users.UsersSanitizer")
                    .getMethod("getItem", DynamoDbClient.class, Map.class, String.class);
            Map<String, AttributeValue> key = Map.of("user_id", AttributeValue.fromS(userId));
            Map<String, AttributeValue> owner = item(getItem.invoke(null, dynamo, key, userId));
            Map<String, AttributeValue> stranger = item(getItem.invoke(null, dynamo, key, "usr_someoneelse"));
            Map<String, AttributeValue> anonymous = item(getItem.invoke(null, dynamo, key, null));
            assertThat(owner).containsKeys("email", "user_id", "lifetime_points").doesNotContainKeys("password_hash", "api_key");
            assertThat(owner.get("lifetime_points").n()).isEqualTo(FULL_PRECISION);
            for (Map<String, AttributeValue> other : List.of(stranger, anonymous)) {
                assertThat(other).containsKey("user_id")
                        .doesNotContainKeys("email", "password_hash", "api_key", "lifetime_points", "internal_role");
                assertThat(other.get("address").m()).containsOnlyKeys("city");
            }
        }
    }

    @Test
    void pythonBoto3FetchesWithTheProjectionAndSanitizes(LocalDynamo local) throws Exception {
        String python = SdkServices.pythonWith("boto3");
        String client = """
                import json, sys, boto3
                import users_sanitizer as s
                table = boto3.resource("dynamodb", endpoint_url=sys.argv[1], region_name="us-east-1",
                                       aws_access_key_id="local", aws_secret_access_key="local").Table(s.TABLE_NAME)
                key = {"user_id": sys.argv[2]}
                out = {}
                for name, requester in (("owner", sys.argv[2]), ("stranger", "usr_someoneelse"), ("anonymous", None)):
                    out[name] = s.to_json_safe(s.safe_get_item(table, key, requester))
                out["scanned"] = sum(1 for item in s.safe_scan(table) if "email" not in item)
                # The projection kwargs next to conditions boto3 builds with its own #n0, #n1... placeholders.
                from boto3.dynamodb.conditions import Attr, Key
                for name, requester in (("owner", sys.argv[2]), ("stranger", "usr_someoneelse"), ("anonymous", None)):
                    out["safe_query_" + name] = [s.to_json_safe(item) for item in s.safe_query(
                        table, requester, KeyConditionExpression=Key("user_id").eq(sys.argv[2]),
                        FilterExpression=Attr("username").exists())]
                    out["safe_query_text_" + name] = [s.to_json_safe(item) for item in s.safe_query(
                        table, requester, KeyConditionExpression="user_id = :me", ExpressionAttributeValues={":me": sys.argv[2]})]
                queried = table.query(KeyConditionExpression=Key("user_id").eq(sys.argv[2]),
                                      FilterExpression=Attr("username").exists(), **s.PROJECTION_OWNER)["Items"]
                out["queried"] = [s.to_json_safe(s.sanitize(item, sys.argv[2])) for item in queried]
                print(json.dumps(out))
                """;
        JsonNode out = new ObjectMapper().readTree(SdkServices.runPython(python, POLICY, dir, client, "boto3 client",
                local.endpoint().toString(), userId));
        assertThat(out.at("/owner/email").isTextual()).isTrue();
        assertThat(out.at("/owner/lifetime_points").asText()).isEqualTo(FULL_PRECISION);
        assertThat(out.at("/owner/password_hash").isMissingNode()).isTrue();
        for (String other : List.of("stranger", "anonymous")) {
            JsonNode item = out.get(other);
            assertThat(item.has("user_id")).isTrue();
            assertThat(item.has("email") || item.has("password_hash") || item.has("api_key") || item.has("lifetime_points"))
                    .as(other + ": " + item).isFalse();
        }
        assertThat(out.get("scanned").asInt()).isEqualTo(2000);
        for (String requester : List.of("owner", "stranger", "anonymous")) {
            assertThat(out.get("safe_query_" + requester)).as("safe_query for the " + requester)
                    .containsExactly(out.get(requester));
            assertThat(out.get("safe_query_text_" + requester)).as("safe_query with a text key condition for the " + requester)
                    .containsExactly(out.get(requester));
        }
        assertThat(out.get("queried")).as("a query with boto3-built conditions and the owner projection")
                .containsExactly(out.get("owner"));
    }

    @Test
    void nodeDocumentClientFetchesWithTheProjectionAndSanitizes(LocalDynamo local) throws Exception {
        String client = """
                import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
                import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
                import { safeGetItem, safeScan } from "./usersReads";
                import { toJsonSafe } from "./usersSanitizer";
                import type { Item } from "./usersSanitizer";

                function plain(item: Item | undefined): unknown {
                  return item === undefined ? null : toJsonSafe(item);
                }

                async function main(): Promise<void> {
                  const [endpoint, userId] = process.argv.slice(2);
                  const client = DynamoDBDocumentClient.from(
                    new DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } }),
                    { unmarshallOptions: { wrapNumbers: true } },
                  );
                  const key = { user_id: userId };
                  const out: { [k: string]: unknown } = {};
                  out.owner = plain(await safeGetItem(client, key, userId));
                  out.stranger = plain(await safeGetItem(client, key, "usr_someoneelse"));
                  out.anonymous = plain(await safeGetItem(client, key));
                  let withEmail = 0;
                  for await (const item of safeScan(client)) {
                    if ((item as Item).email !== undefined) withEmail++;
                  }
                  out.scannedWithEmail = withEmail;
                  process.stdout.write(JSON.stringify(out));
                  client.destroy();
                }
                void main();
                """;
        String tsconfig = """
                {"compilerOptions": {"strict": true, "target": "ES2020", "module": "commonjs", "outDir": "out",
                 "types": ["node"], "noEmitOnError": true, "skipLibCheck": true}, "include": ["*.ts"]}
                """;
        JsonNode out = new ObjectMapper().readTree(SdkServices.runTypeScript(POLICY, dir, client, tsconfig, "node client",
                local.endpoint().toString(), userId));
        assertThat(out.at("/owner/email").isTextual()).isTrue();
        assertThat(out.at("/owner/lifetime_points").asText()).isEqualTo(FULL_PRECISION);
        assertThat(out.at("/owner/api_key").isMissingNode()).isTrue();
        for (String other : List.of("stranger", "anonymous")) {
            JsonNode item = out.get(other);
            assertThat(item.has("user_id")).isTrue();
            assertThat(item.has("email") || item.has("password_hash") || item.has("lifetime_points")).as(other).isFalse();
        }
        assertThat(out.get("scannedWithEmail").asInt()).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, AttributeValue> item(Object optional) {
        return ((Optional<Map<String, AttributeValue>>) optional).orElseThrow();
    }

    /** The demo users table's policy as the end-to-end tests use it. */
    static Policy demoUsersPolicy() {
        Map<String, PolicyRule> a = new TreeMap<>();
        a.put("user_id", CodegenFixtures.leaf(Classification.PUBLIC, DynamoType.S));
        a.put("username", CodegenFixtures.leaf(Classification.PUBLIC, DynamoType.S));
        a.put("email", CodegenFixtures.leaf(Classification.OWNER_ONLY, DynamoType.S));
        a.put("password_hash", CodegenFixtures.leaf(Classification.SECRET, DynamoType.S));
        a.put("api_key", CodegenFixtures.leaf(Classification.SECRET, DynamoType.S));
        a.put("lifetime_points", CodegenFixtures.leaf(Classification.OWNER_ONLY, DynamoType.N));
        a.put("address", CodegenFixtures.leaf(Classification.PUBLIC, DynamoType.M)
                .withFields(Map.of("city", CodegenFixtures.leaf(Classification.PUBLIC, DynamoType.S))));
        a.put("orders", CodegenFixtures.leaf(Classification.OWNER_ONLY, DynamoType.L));
        return CodegenFixtures.digested(Policy.draft("users", 1, Optional.empty(), Optional.of("user_id"), a));
    }
}
