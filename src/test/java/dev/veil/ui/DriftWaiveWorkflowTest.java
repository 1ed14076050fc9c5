package dev.veil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.app.VeilSettings;
import dev.veil.demo.DemoData;
import dev.veil.demo.LocalDynamo;
import dev.veil.drift.ReportedFinding;
import dev.veil.model.FindingKind;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.ui.connect.ConnectionRequest;
import dev.veil.ui.drift.DriftViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Drift page in a real window over the local DynamoDB and a copy of the repository's demo
 * policies: a finding is read in full as plain text and waived with a reason and an end date.
 */
@ExtendWith({LocalDynamoExtension.class, ApplicationExtension.class})
class DriftWaiveWorkflowTest {
    private static final Path REPO_POLICIES =
            Path.of(System.getProperty("veil.projectDir", ".")).toAbsolutePath().resolve("policies");
    private static LocalDynamo local;

    @TempDir
    Path dir;

    private ConsoleApp.Console console;

    @BeforeAll
    static void seed(LocalDynamo server, software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo) {
        local = server;
        DemoTables.seeded(dynamo);
    }

    @Start
    void start(Stage stage) {
        copy(REPO_POLICIES, dir.resolve("policies"));
        VeilSettings settings = new VeilSettings(Optional.empty(), Optional.of("us-east-1"), Optional.empty(),
                dir.resolve("ws"), dir.resolve("policies"));
        // The demo is clean under drift: an unpublished decision of one entity gives the page a finding to waive.
        try (dev.veil.app.Veil veil = dev.veil.app.Veil.open(settings)) {
            veil.entities().tag(DemoData.APP_DATA, "ORDER", java.util.List.of(dev.veil.model.AttributePath.parse("currency")),
                    dev.veil.model.Classification.SECRET, "ana", "not needed by clients", false);
        }
        console = ConsoleApp.Console.open(stage, settings, ConsoleLauncher.opener(), () -> { });
    }

    private MainViewModel vm() {
        return console.viewModel();
    }

    private DriftViewModel drift() {
        return vm().driftViewModel();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSelectedFindingIsShownInFullAsPlainTextAndCanBeWaivedWithAReasonAndAnEndDate(FxRobot robot) throws Exception {
        robot.interact(() -> vm().connect(new ConnectionRequest.Endpoint(local.endpoint(), Optional.of("us-east-1"))));
        waitUntil(() -> vm().connectionProperty().get().isPresent());
        robot.interact(() -> {
            vm().pageProperty().set(Page.DRIFT);
            drift().allTablesProperty().set(false);
            drift().chosenTables().setAll(DemoData.APP_DATA);
        });
        robot.clickOn("#drift-run");
        waitUntil(() -> drift().reportProperty().get().isPresent() && !vm().tasks().busyProperty().get());

        TreeTableView<?> tree = robot.lookup("#drift-findings").queryAs(TreeTableView.class);
        robot.interact(() -> tree.getSelectionModel().select(indexOf(tree, "unreviewed", "currency")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drift().selectedProperty().get()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.UNREVIEWED);
            assertThat(f.path().orElseThrow().toString()).isEqualTo("currency");
        });
        String message = robot.lookup("#drift-detail-message").queryAs(Label.class).getText();
        String action = robot.lookup("#drift-detail-action").queryAs(Label.class).getText();
        assertThat(message).contains("currency was tagged secret").contains("entity ORDER").doesNotContain("`", "\\_");
        assertThat(action).startsWith("What to do: publish the decision: veil publish app_data").doesNotContain("`", "\\|");
        assertThat(robot.lookup("#drift-waive").queryAs(Button.class).isDisabled()).as("no reason yet").isTrue();
        assertThat(drift().waiveUntilProperty().get()).isAfter(java.time.LocalDate.now(java.time.ZoneOffset.UTC));

        javafx.scene.control.TextField reason = robot.lookup("#drift-waive-reason").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> reason.setText("a currency code, public by design; classified in PRIV-7"));
        Button waive = robot.lookup("#drift-waive").queryAs(Button.class);
        assertThat(waive.isDisabled()).as("reason and end date given").isFalse();
        // The button may sit below the fold of the detail pane on a small test screen: fire it as a click would.
        robot.interact(waive::fire);
        waitUntil(() -> drift().reportProperty().get().map(r -> !r.waived().isEmpty()).orElse(false)
                && !vm().tasks().busyProperty().get());

        assertThat(drift().reportProperty().get().orElseThrow().waived()).singleElement().satisfies((ReportedFinding e) -> {
            assertThat(e.finding().path().orElseThrow().toString()).isEqualTo("currency");
            assertThat(e.waiver().orElseThrow().until()).isEqualTo(drift().waiveUntilProperty().get());
        });
        assertThat(drift().reportProperty().get().orElseThrow().findings())
                .noneMatch(f -> f.kind() == FindingKind.UNREVIEWED && f.path().orElseThrow().toString().equals("currency"));
        assertThat(dir.resolve("policies/waivers.json")).content()
                .contains("\"path\": \"currency\"", "\"entity\": \"ORDER\"", "\"reason\": \"a currency code, public by design; classified in PRIV-7\"");
        assertThat(robot.lookup("#drift-waive-status").queryAs(Label.class).getText()).contains("Waived until");
        assertThat(indexOf(tree, "waived (1)", "")).isPositive();
    }

    /** The row of the tree whose title and path are these (rows are shown as plain records). */
    private static int indexOf(TreeTableView<?> tree, String title, String path) {
        for (int i = 0; i < tree.getExpandedItemCount(); i++) {
            TreeItem<?> item = tree.getTreeItem(i);
            String row = String.valueOf(item.getValue());
            if (row.contains("title=" + title + ",") && row.contains("path=" + path + ",")) {
                return i;
            }
        }
        throw new AssertionError("no row " + title + " " + path + " in the drift tree");
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
