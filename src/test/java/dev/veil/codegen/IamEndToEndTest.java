package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.demo.LocalDynamo;
import dev.veil.dynamo.TableCatalog;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.model.TableInfo;
import dev.veil.policy.PolicyStore;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Services using the generated helpers (Java SDK v2, boto3, Node's lib-dynamodb) against the local
 * DynamoDB with the demo users table, through a proxy that records each request as sent. Each
 * requester's session has its own access key, as a session tagged with the requester id would:
 * every recorded request is one the real IAM evaluator allows under the table's generated IAM
 * policies (the public document for a service without a requester; public and owner documents for
 * a session acting for one).
 */
@ExtendWith(LocalDynamoExtension.class)
class IamEndToEndTest {

    private static final Policy POLICY = EndToEndSdkTest.demoUsersPolicy();
    private static final String PUBLIC_SESSION = "public-session";
    private static final String REQUESTER_SESSION = "session-for-";

    private static IamScenario scenario;
    private static List<String> userIds;

    @TempDir
    Path dir;

    @BeforeAll
    static void seed(DynamoDbClient dynamo) {
        DemoTables.seeded(dynamo);
        TableInfo info = new TableCatalog(dynamo).describe("users");
        scenario = IamScenario.of(POLICY, new TableShape(info.keySchema(), info.indexes()), Optional.empty());
        userIds = dynamo.scan(r -> r.tableName("users").limit(2)).items().stream().map(i -> i.get("user_id").s()).toList();
    }

    @Test
    void theJavaHelpersIssueOnlyRequestsIamAllows(LocalDynamo local) throws Exception {
        GeneratedFile f = GeneratedCode.generate(Language.JAVA, POLICY, "iam.users").get(0);
        Path src = dir.resolve("src").resolve(f.relativePath());
        Files.createDirectories(src.getParent());
        Files.writeString(src, f.content());
        Path classes = Files.createDirectories(dir.resolve("classes"));
        GeneratedCode.compileJava(List.of(src), classes);
        try (RecordingProxy proxy = new RecordingProxy(local.endpoint());
             URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> sanitizer = loader.loadClass("iam.users.UsersSanitizer");
            Method getItem = sanitizer.getMethod("getItem", DynamoDbClient.class, Map.class, String.class);
            Method scan = sanitizer.getMethod("scan", DynamoDbClient.class, String.class);
            Method query = sanitizer.getMethod("query", DynamoDbClient.class, QueryRequest.class, String.class);
            String me = userIds.get(0);
            for (String requester : new String[] {null, me}) {
                try (DynamoDbClient client = client(proxy, requester == null ? PUBLIC_SESSION : REQUESTER_SESSION + requester)) {
                    for (String user : userIds) {
                        getItem.invoke(null, client, Map.of("user_id", AttributeValue.fromS(user)), requester);
                        QueryRequest byUser = QueryRequest.builder().keyConditionExpression("#u = :u")
                                .expressionAttributeNames(Map.of("#u", "user_id"))
                                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user))).build();
                        assertThat(((java.util.stream.Stream<?>) query.invoke(null, client, byUser, requester)).count()).isOne();
                    }
                    assertThat(((java.util.stream.Stream<?>) scan.invoke(null, client, requester)).count()).isPositive();
                }
            }
            assertEveryCallIsAllowed(proxy.calls());
        }
    }

    @Test
    void thePythonHelpersIssueOnlyRequestsIamAllows(LocalDynamo local) throws Exception {
        assertEveryCallIsAllowed(scenario, runPythonService(local, POLICY));
    }

    @Test
    void helpersOfAViewThatKeepsNothingStillProjectTheKeysWhichIamAllows(LocalDynamo local) throws Exception {
        Map<String, PolicyRule> rules = new TreeMap<>();
        POLICY.attributes().keySet().forEach(n -> rules.put(n, CodegenFixtures.leaf(Classification.SECRET, DynamoType.S)));
        Policy allSecret = CodegenFixtures.digested(Policy.draft("users", 1, Optional.empty(), Optional.empty(), rules));
        List<RecordingProxy.Call> calls = runPythonService(local, allSecret);
        assertThat(calls).extracting(c -> c.body().path("ProjectionExpression").asText()).containsOnly("#veil0");
        assertEveryCallIsAllowed(IamScenario.of(allSecret, scenario.shape(), Optional.empty()), calls);
    }

    @Test
    void theOrdersQueriesOfABoto3ServiceGetTheOwnerViewOfTheirOwnPartitionOnlyAndIamAllowsThem(LocalDynamo local,
                                                                                              DynamoDbClient dynamo)
            throws Exception {
        String python = Toolchains.python();
        Toolchains.require(Toolchains.works(python, "-c", "import boto3"), "boto3 is not installed for " + python);
        Policy orders = new PolicyStore(Toolchains.projectDir().resolve("policies")).latest("orders").orElseThrow();
        TableInfo info = new TableCatalog(dynamo).describe("orders");
        IamScenario iam = IamScenario.of(orders, new TableShape(info.keySchema(), info.indexes()), Optional.empty());
        List<String> customers = dynamo.scanPaginator(r -> r.tableName("orders")).items().stream()
                .map(i -> i.get("customer_id").s()).distinct().limit(2).toList();
        GeneratedFile f = GeneratedCode.generate(Language.PYTHON, orders, "x", iam.shape()).get(0);
        Files.writeString(dir.resolve(f.relativePath()), f.content());
        Files.writeString(dir.resolve("orders_service.py"), """
                import json, sys, boto3
                from boto3.dynamodb.conditions import Key
                import orders_sanitizer as s
                endpoint, me, other = sys.argv[1:4]
                out = {}
                for session, requester in (("%s", None), ("%s" + me, me)):
                    table = boto3.resource("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                                           aws_access_key_id=session, aws_secret_access_key="local").Table(s.TABLE_NAME)
                    for who, customer in (("mine", me), ("theirs", other)):
                        label = ("public" if requester is None else "me") + ":" + who
                        out[label] = list(s.safe_query(table, requester, Limit=2,
                            KeyConditionExpression=Key("customer_id").eq(customer) & Key("order_id").begins_with("ord_")))
                        out[label + ":index"] = list(s.safe_query(table, requester, IndexName="by_placed_at",
                            KeyConditionExpression="customer_id = :c AND placed_at > :t",
                            ExpressionAttributeValues={":c": customer, ":t": "2"}))
                print(json.dumps({k: [sorted(i) for i in v] for k, v in out.items()}))
                """.formatted(PUBLIC_SESSION, REQUESTER_SESSION));
        try (RecordingProxy proxy = new RecordingProxy(local.endpoint())) {
            String printed = Toolchains.run(dir, List.of(python, "orders_service.py", proxy.endpoint().toString(),
                    customers.get(0), customers.get(1)), "").expectSuccess("boto3 orders service").out();
            com.fasterxml.jackson.databind.JsonNode out = new com.fasterxml.jackson.databind.ObjectMapper().readTree(printed);
            assertThat(out.get("me:mine")).isNotEmpty().allSatisfy(names -> assertThat(names.toString()).contains("\"total\""));
            for (String label : List.of("me:theirs", "public:mine", "public:theirs")) {
                assertThat(out.get(label)).as(label).isNotEmpty()
                        .allSatisfy(names -> assertThat(names.toString()).doesNotContain("\"total\""));
            }
            assertThat(proxy.calls()).extracting(RecordingProxy.Call::operation).containsOnly("Query");
            // The local DynamoDB returns only what a local index projects, so the index queries'
            // choice of view is read off the requests: the owner's for the requester's own partition.
            ProjectionPlan plan = ProjectionPlan.of(orders, iam.shape().keySchema().names());
            for (RecordingProxy.Call call : proxy.calls()) {
                boolean mine = call.accessKeyId().equals(REQUESTER_SESSION + customers.get(0))
                        && call.body().get("ExpressionAttributeValues").toString().contains("\"" + customers.get(0) + "\"");
                assertThat(call.body().get("ProjectionExpression").asText()).as("%s", call.body())
                        .isEqualTo((mine ? plan.owner() : plan.publicView()).expression());
            }
            assertThat(proxy.calls().size()).as("pages of two items each").isGreaterThan(8);
            assertEveryCallIsAllowed(iam, proxy.calls(), customers.get(0));
        }
    }

    /** A boto3 service over the demo users table using every helper, as the public and a requester's session. */
    private List<RecordingProxy.Call> runPythonService(LocalDynamo local, Policy policy) throws Exception {
        String python = Toolchains.python();
        Toolchains.require(Toolchains.works(python, "-c", "import boto3"), "boto3 is not installed for " + python);
        GeneratedFile f = GeneratedCode.generate(Language.PYTHON, policy, "x", scenario.shape()).get(0);
        Files.writeString(dir.resolve(f.relativePath()), f.content());
        Files.writeString(dir.resolve("service.py"), """
                import sys, boto3
                from boto3.dynamodb.conditions import Key
                import users_sanitizer as s
                endpoint, me, other = sys.argv[1:4]
                for session, requester in (("%s", None), ("%s" + me, me)):
                    table = boto3.resource("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                                           aws_access_key_id=session, aws_secret_access_key="local").Table(s.TABLE_NAME)
                    for user in (me, other):
                        s.safe_get_item(table, {"user_id": user}, requester)
                        assert len(list(s.safe_query(table, requester, KeyConditionExpression=Key("user_id").eq(user)))) == 1
                        assert len(list(s.safe_query(table, requester, KeyConditionExpression="#u = :u",
                                                     ExpressionAttributeNames={"#u": "user_id"},
                                                     ExpressionAttributeValues={":u": user}))) == 1
                    assert sum(1 for _ in s.safe_scan(table, requester)) > 0
                """.formatted(PUBLIC_SESSION, REQUESTER_SESSION));
        try (RecordingProxy proxy = new RecordingProxy(local.endpoint())) {
            Toolchains.run(dir, List.of(python, "service.py", proxy.endpoint().toString(), userIds.get(0), userIds.get(1)), "")
                    .expectSuccess("boto3 service");
            return proxy.calls();
        }
    }

    @Test
    void theTypeScriptHelpersIssueOnlyRequestsIamAllows(LocalDynamo local) throws Exception {
        Path tsc = Toolchains.tsc();
        Files.createSymbolicLink(dir.resolve("node_modules"), Toolchains.nodeModules());
        for (GeneratedFile f : GeneratedCode.generate(Language.TYPESCRIPT, POLICY, "x")) {
            Files.writeString(dir.resolve(f.relativePath()), f.content());
        }
        Files.writeString(dir.resolve("service.ts"), """
                import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
                import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
                import { safeGetItem, safeQuery, safeScan } from "./usersReads";

                async function main(): Promise<void> {
                  const [endpoint, me, other] = process.argv.slice(2) as [string, string, string];
                  for (const [session, requester] of [["%s", undefined], ["%s" + me, me]] as const) {
                    const client = DynamoDBDocumentClient.from(new DynamoDBClient({
                      endpoint, region: "us-east-1", credentials: { accessKeyId: session, secretAccessKey: "local" },
                    }));
                    for (const user of [me, other]) {
                      await safeGetItem(client, { user_id: user }, requester);
                      let queried = 0;
                      for await (const _ of safeQuery(client, {
                        KeyConditionExpression: "#u = :u", ExpressionAttributeNames: { "#u": "user_id" },
                        ExpressionAttributeValues: { ":u": user },
                      }, requester)) queried++;
                      if (queried !== 1) throw new Error("the query returned " + queried + " items");
                    }
                    let scanned = 0;
                    for await (const _ of safeScan(client, requester)) scanned++;
                    if (scanned === 0) throw new Error("the scan returned nothing");
                    client.destroy();
                  }
                }
                void main();
                """.formatted(PUBLIC_SESSION, REQUESTER_SESSION));
        Files.writeString(dir.resolve("tsconfig.json"), """
                {"compilerOptions": {"strict": true, "target": "ES2020", "module": "commonjs", "outDir": "out",
                 "types": ["node"], "noEmitOnError": true, "skipLibCheck": true}, "include": ["*.ts"]}
                """);
        Toolchains.run(dir, List.of(Toolchains.node(), tsc.toString(), "-p", "tsconfig.json"), "").expectSuccess("tsc --strict");
        try (RecordingProxy proxy = new RecordingProxy(local.endpoint())) {
            Toolchains.run(dir, List.of(Toolchains.node(), "out/service.js", proxy.endpoint().toString(),
                    userIds.get(0), userIds.get(1)), "").expectSuccess("node service");
            assertEveryCallIsAllowed(proxy.calls());
        }
    }

    @Test
    void aHandlerThatGetsTheWholeItemIsDeniedBeforeAnyDataLeavesTheTable(LocalDynamo local) throws Exception {
        try (RecordingProxy proxy = new RecordingProxy(local.endpoint());
             DynamoDbClient client = client(proxy, PUBLIC_SESSION)) {
            client.getItem(r -> r.tableName("users").key(Map.of("user_id", AttributeValue.fromS(userIds.get(0)))));
            RecordingProxy.Call call = proxy.calls().get(0);
            List<IamSimulator.Decision> decisions = IamSimulator.decide(scenario.documents(Optional.empty()),
                    IamRequests.of(call.operation(), call.body(), t -> scenario.shape(), Optional.empty()));
            assertThat(decisions).containsExactly(IamSimulator.Decision.DENIED);
        }
    }

    private static DynamoDbClient client(RecordingProxy proxy, String accessKeyId) {
        return DynamoDbClient.builder().endpointOverride(proxy.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "local")))
                .build();
    }

    private static void assertEveryCallIsAllowed(List<RecordingProxy.Call> calls) {
        assertEveryCallIsAllowed(scenario, calls);
    }

    private static void assertEveryCallIsAllowed(IamScenario iam, List<RecordingProxy.Call> calls) {
        assertThat(calls).extracting(RecordingProxy.Call::operation).contains("GetItem", "Query", "Scan");
        assertEveryCallIsAllowed(iam, calls, userIds.get(0));
    }

    /** Every call carries a projection and is one IAM allows under {@code iam}'s documents for its session. */
    private static void assertEveryCallIsAllowed(IamScenario iam, List<RecordingProxy.Call> calls, String me) {
        assertThat(calls).extracting(RecordingProxy.Call::accessKeyId).contains(PUBLIC_SESSION, REQUESTER_SESSION + me);
        for (RecordingProxy.Call call : calls) {
            Optional<String> requester = call.accessKeyId().startsWith(REQUESTER_SESSION)
                    ? Optional.of(call.accessKeyId().substring(REQUESTER_SESSION.length())) : Optional.empty();
            assertThat(call.body().path("ProjectionExpression").asText()).as("%s %s", call.operation(), call.body()).isNotEmpty();
            List<IamSimulator.Request> requests = IamRequests.of(call.operation(), call.body(), t -> iam.shape(), requester);
            List<IamSimulator.Decision> decisions = IamSimulator.decide(iam.documents(requester), requests);
            assertThat(decisions).as("%s %s by %s", call.operation(), call.body(), requester)
                    .containsOnly(IamSimulator.Decision.ALLOWED);
        }
    }
}
