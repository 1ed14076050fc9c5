package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code veil entity TABLE …}: a steward renames, merges, splits and picks the discriminator of the
 * entities Veil found, against a real local DynamoDB and a real H2 workspace; review, publish and
 * the next sample follow, and bad input stores nothing.
 */
@ExtendWith(LocalDynamoExtension.class)
class EntityEditCommandTest {

    @TempDir
    Path dir;

    private CliRun cli;
    private String table;
    private DynamoDbClient dynamo;

    static Map<String, AttributeValue> item(String... namesAndValues) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], AttributeValue.fromS(namesAndValues[i + 1]));
        }
        return m;
    }

    @BeforeEach
    void sampleASingleTableDesign(DynamoDbClient client, LocalDynamo local) {
        dynamo = client;
        table = TestTables.createTable(dynamo, "app", "pk", "sk");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(item("pk", "USER#" + i, "sk", "PROFILE", "_et", "User", "email", "u" + i + "@example.com",
                    "kind", "user"));
            items.add(item("pk", "USER#" + i, "sk", "ORDER#" + i, "total", "12", "status", "paid", "kind", "sale"));
            items.add(item("pk", "USER#" + i, "sk", "ORDERLINE#" + i, "qty", "3", "sku", "S" + i, "kind", "sale"));
        }
        TestTables.putItems(dynamo, table, items);
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
        ok("sample", table, "--items", "500");
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result r = cli.veil(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }

    private CliRun.Result refused(String... args) {
        CliRun.Result r = cli.veil(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        return r;
    }

    private JsonNode list() {
        return ok("entity", table, "list", "--json").json();
    }

    private static List<String> names(JsonNode listing) {
        return StreamSupport.stream(listing.get("entities").spliterator(), false)
                .map(e -> e.get("name").asText()).toList();
    }

    private JsonNode reviewRow(String entity, String path) {
        JsonNode review = ok("review", table, "--entity", entity, "--json").json();
        return StreamSupport.stream(review.get("attributes").spliterator(), false)
                .filter(a -> a.get("path").asText().equals(path)).findFirst().orElseThrow(() ->
                        new AssertionError(path + " not in the review of " + entity + ":\n" + review.toPrettyString()));
    }

    @Test
    void listShowsEachEntityWithItsMatchAndShareOfItems() {
        JsonNode listing = list();

        assertThat(names(listing)).containsExactly("ORDER", "ORDERLINE", "User");
        JsonNode order = listing.get("entities").get(0);
        assertThat(order.at("/match/attribute").asText()).isEqualTo("sk");
        assertThat(order.at("/match/beginsWith").asText()).isEqualTo("ORDER#");
        assertThat(order.get("itemsSampled").asLong()).isEqualTo(20);
        assertThat(order.get("share").asDouble()).isBetween(0.33, 0.34);
        assertThat(order.get("correction").isNull()).isTrue();
        assertThat(listing.get("corrections")).isEmpty();
    }

    @Test
    void aRenamedEntityKeepsItsDecisionsAndOwnerAndIsPublishedUnderItsNewName() {
        ok("tag", table, "total", "owner-only", "--entity", "ORDER");
        ok("owner", table, "pk", "--entity", "ORDER", "--template", "USER#{id}");

        CliRun.Result r = ok("entity", table, "rename", "ORDER", "PURCHASE", "--reviewer", "ana");

        assertThat(r.out()).contains("renamed \"ORDER\" to \"PURCHASE\"").contains("stored sample");
        assertThat(names(list())).containsExactly("ORDERLINE", "PURCHASE", "User");
        assertThat(reviewRow("PURCHASE", "total").at("/decision/class").asText()).isEqualTo("owner-only");
        ok("publish", table);
        JsonNode policy = ok("policy", "show", table, "--json").json();
        assertThat(policy.get("entities").has("ORDER")).isFalse();
        assertThat(policy.at("/entities/PURCHASE/owner/template").asText()).isEqualTo("USER#{id}");
        assertThat(policy.at("/entities/PURCHASE/match/beginsWith").asText()).isEqualTo("ORDER#");
    }

    @Test
    void anUnknownEntityIsRefusedWithTheKnownNamesAndNothingIsStored() {
        CliRun.Result r = refused("entity", table, "rename", "ORDERS", "PURCHASE");

        assertThat(r.err()).contains("\"ORDERS\"").contains("\"ORDER\"").contains("\"ORDERLINE\"").contains("\"User\"");
        assertThat(list().get("corrections")).isEmpty();
    }

    @Test
    void renamingOntoAnExistingNameIsRefusedAndNothingIsStored() {
        CliRun.Result r = refused("entity", table, "rename", "ORDER", "User");

        assertThat(r.err()).contains("already has an entity \"User\"").contains("(veil entity TABLE list shows");
        assertThat(list().get("corrections")).isEmpty();
        assertThat(names(list())).containsExactly("ORDER", "ORDERLINE", "User");
    }

    @Test
    void aMergeUnitesTheDecisionsUnderTheLongestCommonPrefix() {
        ok("tag", table, "total", "owner-only", "--entity", "ORDER");
        ok("tag", table, "qty", "public", "--entity", "ORDERLINE");

        ok("entity", table, "merge", "ORDER", "ORDERLINE", "--into", "SALE", "--note", "one kind");

        JsonNode sale = list().get("entities").get(0);
        assertThat(sale.get("name").asText()).isEqualTo("SALE");
        assertThat(sale.at("/match/beginsWith").asText()).isEqualTo("ORDER");
        assertThat(sale.get("itemsSampled").asLong()).isEqualTo(40);
        assertThat(reviewRow("SALE", "total").at("/decision/class").asText()).isEqualTo("owner-only");
        assertThat(reviewRow("SALE", "qty").at("/decision/class").asText()).isEqualTo("public");
        assertThat(reviewRow("SALE", "sku").get("unreviewed").asBoolean()).isTrue();
    }

    @Test
    void aMergeOfConflictingClassesIsRefusedListingEveryConflict() {
        ok("tag", table, "pk", "public", "--entity", "ORDER");
        ok("tag", table, "pk", "secret", "--entity", "ORDERLINE");
        ok("tag", table, "kind", "public", "--entity", "ORDER");
        ok("tag", table, "kind", "owner-only", "--entity", "ORDERLINE");

        CliRun.Result r = refused("entity", table, "merge", "ORDER", "ORDERLINE", "--into", "SALE");

        assertThat(r.err()).contains("`pk` is public in \"ORDER\" but secret in \"ORDERLINE\"")
                .contains("`kind` is public in \"ORDER\" but owner-only in \"ORDERLINE\"").contains("Nothing was stored");
        assertThat(list().get("corrections")).isEmpty();
    }

    @Test
    void aMergeOfOneEntityIsRefused() {
        CliRun.Result r = refused("entity", table, "merge", "ORDER", "ORDER", "--into", "SALE");

        assertThat(r.err()).contains("at least two different entities");
        assertThat(list().get("corrections")).isEmpty();
    }

    @Test
    void anAddedEntityWhoseMatchOverlapsAnotherIsRefused() {
        CliRun.Result r = refused("entity", table, "add", "BIG", "--attribute", "sk", "--begins-with", "ORDER#1");

        assertThat(r.err()).contains("overlaps the match of entity \"ORDER\"");
        assertThat(names(list())).containsExactly("ORDER", "ORDERLINE", "User");
        assertThat(list().get("corrections")).isEmpty();
    }

    @Test
    void aMarkerTheSampleDoesNotHoldIsRefused() {
        CliRun.Result r = refused("entity", table, "marker", "kinds");

        assertThat(r.err()).contains("no top-level attribute `kinds`").contains("`kind`");
        assertThat(list().get("corrections")).isEmpty();
    }

    @Test
    void aPickedMarkerClassifiesTheNextSampleByItsValues() {
        CliRun.Result r = ok("entity", table, "marker", "kind");
        assertThat(r.out()).contains("next sample");
        assertThat(names(list())).as("the stored sample keeps its entities").containsExactly("ORDER", "ORDERLINE", "User");

        ok("sample", table, "--items", "500");

        JsonNode listing = list();
        assertThat(names(listing)).containsExactly("sale", "user");
        assertThat(listing.at("/entities/0/match/attribute").asText()).isEqualTo("kind");
        assertThat(listing.at("/entities/0/itemsSampled").asLong()).isEqualTo(40);
        assertThat(listing.get("marker").asText()).isEqualTo("kind");
    }

    @Test
    void resetDropsTheCorrectionsAndTheAuditLogKeepsThem() {
        ok("entity", table, "rename", "ORDER", "PURCHASE", "--reviewer", "ana", "--note", "clearer");

        ok("entity", table, "reset", "--reviewer", "bo");

        assertThat(names(list())).containsExactly("ORDER", "ORDERLINE", "User");
        JsonNode log = ok("audit-log", table, "--json").json().get("entityCorrections");
        assertThat(log).hasSize(2);
        assertThat(log.get(0).get("kind").asText()).isEqualTo("rename");
        assertThat(log.get(0).get("reviewer").asText()).isEqualTo("ana");
        assertThat(log.get(0).get("note").asText()).isEqualTo("clearer");
        assertThat(log.get(0).get("from").get(0).asText()).isEqualTo("ORDER");
        assertThat(log.get(0).get("time").asText()).isNotBlank();
        assertThat(log.get(1).get("kind").asText()).isEqualTo("reset");
        assertThat(ok("audit-log", table).out()).contains("renamed \"ORDER\" to \"PURCHASE\"");
    }
}
