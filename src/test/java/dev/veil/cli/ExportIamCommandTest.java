package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code veil export --lang iam}: IAM policies for the infrastructure repository, from the sampled table's shape. */
@ExtendWith(LocalDynamoExtension.class)
class ExportIamCommandTest {

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void publishOrders(DynamoDbClient dynamo, LocalDynamo local) {
        DemoTables.seeded(dynamo);
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
        assertThat(cli.veil("sample", "orders", "--items", "200").exitCode()).isZero();
        assertThat(cli.veil("tag", "orders", "--accept-suggestions", "--min-confidence", "0.0").exitCode()).isZero();
        for (String path : List.of("customer_id", "order_id", "status", "placed_at")) {
            assertThat(cli.veil("tag", "orders", path, "public").exitCode()).isZero();
        }
        assertThat(cli.veil("tag", "orders", "total", "owner-only").exitCode()).isZero();
        assertThat(cli.veil("publish", "orders", "--owner", "customer_id").exitCode()).isZero();
    }

    @Test
    void writesTheIamPoliciesAndATemplateWithTheIndexesTheSampleRecorded() throws IOException {
        Path infra = dir.resolve("infra");
        CliRun.Result r = cli.veil("export", "orders", "--out", infra.toString(), "--lang", "iam",
                "--table-arn", "arn:aws:dynamodb:eu-west-1:123456789012:table/orders",
                "--iam-principal", "${cognito-identity.amazonaws.com:sub}");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("orders_iam.json").contains("orders_iam.cfn.yaml");
        JsonNode iam = new ObjectMapper().readTree(infra.resolve("orders_iam.json").toFile());
        assertThat(iam.at("/public/Statement/0/Resource").toString())
                .contains("table/orders\"").contains("table/orders/index/by_placed_at").doesNotContain("by_status");
        assertThat(iam.at("/owner/Statement/0/Condition/ForAllValues:StringEquals/dynamodb:LeadingKeys/0").asText())
                .isEqualTo("${cognito-identity.amazonaws.com:sub}");
        assertThat(texts(iam.at("/public/Statement/0/Condition/ForAllValues:StringEquals/dynamodb:Attributes")))
                .contains("customer_id", "order_id", "status", "placed_at").doesNotContain("total");
        JsonNode template = new YAMLMapper().readTree(infra.resolve("orders_iam.cfn.yaml").toFile());
        assertThat(template.at("/Resources/OrdersVeilPublicRead/Type").asText()).isEqualTo("AWS::IAM::ManagedPolicy");
        assertThat(template.at("/Resources/OrdersVeilPublicRead/Properties/PolicyDocument")).isEqualTo(iam.get("public"));
        assertThat(template.at("/Resources/OrdersVeilOwnerRead/Properties/PolicyDocument")).isEqualTo(iam.get("owner"));
    }

    @Test
    void iamCombinesWithTheSanitizerLanguages() throws IOException {
        Path repo = dir.resolve("repo");
        CliRun.Result r = cli.veil("export", "orders", "--out", repo.toString(), "--lang", "java,python,typescript,iam");
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (var files = Files.walk(repo)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList())
                    .contains("orders.policy.json", "OrdersSanitizer.java", "orders_sanitizer.py", "ordersSanitizer.ts",
                            "orders_iam.json", "orders_iam.cfn.yaml");
        }
    }

    @Test
    void aTableArnThatIsNotADynamoDbTableArnIsBadInput() {
        for (String arn : List.of("orders", "arn:aws:s3:::orders", "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/index/x")) {
            CliRun.Result r = cli.veil("export", "orders", "--out", dir.resolve("x").toString(), "--lang", "iam",
                    "--table-arn", arn);
            assertThat(r.exitCode()).as(arn).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains(arn).contains("is not a DynamoDB table ARN")
                    .contains("arn:aws:dynamodb:eu-west-1:123456789012:table/users");
        }
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void anIamPrincipalThatIsNotAPolicyVariableIsBadInput() {
        for (String principal : List.of("veil_user_id", "${}", "$aws:username", "${aws:PrincipalTag/x} extra")) {
            CliRun.Result r = cli.veil("export", "orders", "--out", dir.resolve("x").toString(), "--lang", "iam",
                    "--iam-principal", principal);
            assertThat(r.exitCode()).as(principal).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains("is not an IAM policy variable").contains("${aws:PrincipalTag/veil_user_id}");
        }
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void iamOptionsWithoutIamAreBadUsage() {
        CliRun.Result r = cli.veil("export", "orders", "--out", dir.resolve("x").toString(), "--lang", "python",
                "--table-arn", "arn:aws:dynamodb:eu-west-1:123456789012:table/orders");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("add iam to --lang");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
