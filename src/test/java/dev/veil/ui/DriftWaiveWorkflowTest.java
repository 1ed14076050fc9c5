package dev.veil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.app.Veil;
import dev.veil.app.VeilSettings;
import dev.veil.demo.DemoData;
import dev.veil.drift.ReportedFinding;
import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.FindingKind;
import dev.veil.ui.drift.DriftViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Drift page in a real window over the local DynamoDB and a copy of the repository's demo
 * policies: a finding is read in full as plain text and waived with a reason and an end date.
 */
class DriftWaiveWorkflowTest extends ConsoleTestCase {
    private static final Path REPO_POLICIES =
            Path.of(System.getProperty("veil.projectDir", ".")).toAbsolutePath().resolve("policies");

    @BeforeEach
    void copyTheRepositorysPoliciesAndDecideOneEntitysAttribute() {
        copy(REPO_POLICIES, policies());
        // The demo is clean under drift: an unpublished decision of one entity gives the page a finding to waive.
        VeilSettings settings = new VeilSettings(Optional.empty(), Optional.of("us-east-1"), Optional.empty(),
                dir.resolve("ws"), policies());
        try (Veil veil = Veil.open(settings)) {
            veil.entities().tag(DemoData.APP_DATA, "ORDER", List.of(AttributePath.parse("currency")),
                    Classification.SECRET, "ana", "not needed by clients", false);
        }
    }

    private DriftViewModel drift() {
        return vm().driftViewModel();
    }

    @Test
    void aSelectedFindingIsShownInFullAsPlainTextAndCanBeWaivedWithAReasonAndAnEndDate(FxRobot robot) throws Exception {
        connect();
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
