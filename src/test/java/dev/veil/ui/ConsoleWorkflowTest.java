package dev.veil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.work.Progress;
import dev.veil.app.ReviewRow;
import dev.veil.demo.DemoData;
import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.FindingKind;
import dev.veil.ui.review.PathTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A steward's workflows, driven through the console's window against the local DynamoDB with the
 * demo tables: connect, sample with progress, tag by keyboard, publish, audit drift, read the log.
 */
class ConsoleWorkflowTest extends ConsoleTestCase {

    private Optional<ReviewRow> row(String path) {
        return vm().reviewViewModel().rows().stream().filter(r -> r.path().toString().equals(path)).findFirst();
    }

    private int treeIndex(String path) {
        @SuppressWarnings("unchecked")
        TreeTableView<PathTree.Node<ReviewRow>> tree = (TreeTableView<PathTree.Node<ReviewRow>>)
                console.stage().getScene().lookup("#review-tree");
        for (int i = 0; i < tree.getExpandedItemCount(); i++) {
            if (tree.getTreeItem(i).getValue().path().toString().equals(path)) {
                return i;
            }
        }
        throw new AssertionError(path + " is not in the review tree");
    }

    @Test
    void connectingToAnEndpointThroughTheFormListsItsTables(FxRobot robot) throws Exception {
        robot.clickOn("Custom endpoint");
        TextField endpoint = robot.lookup(".text-field").match(n -> n.isVisible()).queryAs(TextField.class);
        robot.clickOn(endpoint).write(local().endpoint().toString());
        robot.clickOn("#connect-button");
        waitUntil(() -> vm().connectionProperty().get().isPresent());
        assertThat(vm().pageProperty().get()).isEqualTo(Page.TABLES);
        assertThat(vm().tablesViewModel().tables()).extracting(t -> t.name()).contains(DemoData.TABLES.toArray(String[]::new));
        assertThat(robot.lookup("#status-connection").queryAs(Label.class).getText()).contains(local().endpoint().toString());
    }

    @Test
    void samplingShowsItemsAndRequestsAsItGoesAndStoresTheProfile(FxRobot robot) throws Exception {
        connect();
        List<Progress> seen = new CopyOnWriteArrayList<>();
        vm().tablesViewModel().sampleProgressProperty().addListener((obs, o, n) -> seen.add(n));
        robot.interact(() -> vm().tablesViewModel().tables().stream().filter(t -> t.name().equals(DemoData.USERS))
                .findFirst().ifPresent(vm().tablesViewModel().selectedProperty()::set));
        robot.interact(() -> vm().tablesViewModel().itemsProperty().set(300));
        robot.clickOn("#sample-button");
        waitUntil(() -> !vm().tablesViewModel().samplingProperty().get()
                && !vm().tablesViewModel().lastSampleProperty().get().isEmpty());
        assertThat(seen).anySatisfy(p -> assertThat(p.message()).contains("items from").contains("requests"));
        assertThat(robot.lookup("#sample-progress-text").queryAs(Label.class).getText())
                .startsWith("users: 300 items");
        idle();
        assertThat(vm().tablesViewModel().tables()).filteredOn(t -> t.name().equals(DemoData.USERS))
                .singleElement().satisfies(t -> assertThat(t.lastSampled()).isPresent());
    }

    @Test
    void cancellingASampleStopsItStoresNothingAndLeavesTheWindowUsable(FxRobot robot) throws Exception {
        connect();
        robot.interact(() -> {
            var tables = vm().tablesViewModel();
            tables.tables().stream().filter(t -> t.name().equals(DemoData.ORDERS)).findFirst()
                    .ifPresent(tables.selectedProperty()::set);
            tables.itemsProperty().set(5000);
            tables.maxRcuProperty().set("1");
        });
        robot.clickOn("#sample-button");
        waitUntil(() -> vm().tablesViewModel().sampleProgressProperty().get().done() > 0);
        robot.clickOn("#sample-cancel");
        waitUntil(() -> !vm().tablesViewModel().samplingProperty().get());
        assertThat(vm().tablesViewModel().lastSampleProperty().get()).contains("cancelled; nothing was stored");
        robot.clickOn("#nav-audit-log");
        assertThat(vm().pageProperty().get()).isEqualTo(Page.AUDIT_LOG);
        robot.interact(() -> vm().tablesViewModel().refresh());
        idle();
        assertThat(vm().tablesViewModel().tables()).filteredOn(t -> t.name().equals(DemoData.ORDERS))
                .singleElement().satisfies(t -> assertThat(t.lastSampled()).isEmpty());
    }

    @Test
    void pressingSAndOTagsEverySelectedRow(FxRobot robot) throws Exception {
        connect();
        sample(DemoData.USERS, 300);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitUntil(() -> row("password_hash").isPresent());
        idle();
        @SuppressWarnings("unchecked")
        TreeTableView<PathTree.Node<ReviewRow>> tree = (TreeTableView<PathTree.Node<ReviewRow>>)
                console.stage().getScene().lookup("#review-tree");
        robot.interact(() -> {
            tree.requestFocus();
            tree.getSelectionModel().clearAndSelect(treeIndex("password_hash"));
        });
        robot.type(KeyCode.S);
        waitUntil(() -> row("password_hash").flatMap(ReviewRow::decision).isPresent());
        robot.interact(() -> {
            tree.getSelectionModel().clearAndSelect(treeIndex("email"));
            tree.getSelectionModel().select(treeIndex("phone"));
        });
        robot.type(KeyCode.O);
        waitUntil(() -> row("email").flatMap(ReviewRow::decision).isPresent()
                && row("phone").flatMap(ReviewRow::decision).isPresent());
        assertThat(row("password_hash").flatMap(ReviewRow::decision).map(Decision::classification))
                .contains(Classification.SECRET);
        assertThat(row("email").flatMap(ReviewRow::decision).map(Decision::classification))
                .contains(Classification.OWNER_ONLY);
        assertThat(row("phone").flatMap(ReviewRow::decision).map(Decision::classification))
                .contains(Classification.OWNER_ONLY);
    }

    @Test
    void publishingWritesTheFirstVersionAfterAPreviewOfItsChanges(FxRobot robot) throws Exception {
        connect();
        sample(DemoData.USERS, 300);
        robot.interact(() -> {
            vm().pageProperty().set(Page.REVIEW);
            vm().reviewViewModel().tag(List.of(AttributePath.of("user_id")), Classification.PUBLIC);
            vm().reviewViewModel().tag(List.of(AttributePath.of("password_hash")), Classification.SECRET);
        });
        idle();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        waitUntil(() -> vm().publishViewModel().previewProperty().get().isPresent());
        idle();
        assertThat(vm().publishViewModel().changes()).extracting(c -> c.path().toString())
                .contains("user_id", "password_hash");
        robot.clickOn("#publish-button");
        waitUntil(() -> !vm().publishViewModel().history().isEmpty());
        assertThat(robot.lookup("#publish-outcome").queryAs(Label.class).getText()).startsWith("Published version 1");
        assertThat(dir.resolve("policies").resolve(DemoData.USERS).resolve("v1.json")).exists();
    }

    @Test
    void exportingPreviewsHighlightedFilesAndWritesThemIntoTheRepository(FxRobot robot) throws Exception {
        connect();
        sample(DemoData.USERS, 300);
        robot.interact(() -> {
            vm().reviewViewModel().minConfidenceProperty().set(0.0);
            vm().reviewViewModel().acceptSuggestions();
        });
        idle();
        robot.interact(() -> vm().publishViewModel().publish());
        idle();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        Path repo = Files.createDirectories(dir.resolve("service-repo"));
        robot.clickOn("#export-folder").write(repo.toString());
        robot.clickOn("#export-preview");
        waitUntil(() -> !vm().exportViewModel().files().isEmpty());
        robot.interact(() -> vm().exportViewModel().files().stream()
                .filter(f -> f.relativePath().endsWith(".py")).findFirst()
                .ifPresent(vm().exportViewModel().selectedProperty()::set));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".veil-syn-keyword").queryAll()).isNotEmpty();
        assertThat(robot.lookup(".veil-syn-string").queryAll()).isNotEmpty();
        robot.clickOn("#export-write");
        waitUntil(() -> !vm().exportViewModel().written().isEmpty());
        assertThat(vm().exportViewModel().written()).hasSize(vm().exportViewModel().files().size())
                .allSatisfy(f -> assertThat(f.path()).exists().startsWith(repo));
        assertThat(vm().exportViewModel().written()).extracting(f -> f.path().getFileName().toString())
                .contains("users.policy.json", "users_sanitizer.py", "UsersSanitizer.java", "usersSanitizer.ts");
    }

    @Test
    void theExportPageOffersIamPoliciesWithAPreviewAndChecksTheTableArn(FxRobot robot) throws Exception {
        connect();
        sample(DemoData.USERS, 300);
        robot.interact(() -> {
            vm().reviewViewModel().minConfidenceProperty().set(0.0);
            vm().reviewViewModel().acceptSuggestions();
        });
        idle();
        robot.interact(() -> vm().publishViewModel().publish());
        idle();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        TextField arn = robot.lookup("#export-table-arn").queryAs(TextField.class);
        assertThat(arn.getParent().isVisible()).as("IAM settings appear only with IAM chosen").isFalse();
        robot.clickOn("iam");
        assertThat(arn.getParent().isVisible()).isTrue();
        robot.clickOn("#export-table-arn").write("arn:aws:s3:::users");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().exportViewModel().problemProperty().get()).contains("is not a DynamoDB table ARN");
        robot.interact(() -> vm().exportViewModel().tableArnProperty().set("arn:aws:dynamodb:eu-west-1:123456789012:table/users"));
        robot.clickOn("#export-preview");
        waitUntil(() -> vm().exportViewModel().files().stream().anyMatch(f -> f.relativePath().equals("users_iam.json")));
        assertThat(vm().exportViewModel().files()).extracting(f -> f.relativePath()).contains("users_iam.cfn.yaml");
        robot.interact(() -> vm().exportViewModel().files().stream()
                .filter(f -> f.relativePath().equals("users_iam.json")).findFirst()
                .ifPresent(vm().exportViewModel().selectedProperty()::set));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".veil-syn-string").queryAll()).isNotEmpty();
        assertThat(vm().exportViewModel().selectedProperty().get().content())
                .contains("arn:aws:dynamodb:eu-west-1:123456789012:table/users").contains("SPECIFIC_ATTRIBUTES");
    }

    @Test
    void theDriftAuditShowsTheFindingsOfTheTable(FxRobot robot) throws Exception {
        connect();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        robot.interact(() -> {
            vm().driftViewModel().allTablesProperty().set(false);
            vm().driftViewModel().chosenTables().setAll(DemoData.USERS);
        });
        robot.clickOn("#drift-run");
        waitUntil(() -> vm().driftViewModel().reportProperty().get().isPresent());
        var findings = vm().driftViewModel().reportProperty().get().orElseThrow().findings();
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.table()).isEqualTo(DemoData.USERS);
            assertThat(f.kind()).isEqualTo(FindingKind.NO_POLICY);
        });
        assertThat(robot.lookup("#drift-summary").queryAs(Label.class).getText()).containsPattern("^1 finding in 1 table|^[0-9,]+ findings in 1 table");
        assertThat(vm().session().driftFindings()).containsKey(DemoData.USERS);
        for (dev.veil.drift.ReportFormat format : dev.veil.drift.ReportFormat.values()) {
            Path file = dir.resolve("drift." + format.fileExtension());
            robot.interact(() -> vm().driftViewModel().save(format, file));
            waitUntil(() -> Files.exists(file));
            idle();
            assertThat(Files.readString(file)).contains(DemoData.USERS);
        }
    }

    @Test
    void theAuditLogListsEveryDecisionAndFiltersThem(FxRobot robot) throws Exception {
        connect();
        sample(DemoData.USERS, 300);
        robot.interact(() -> {
            vm().reviewViewModel().noteProperty().set("hash of the login password");
            vm().reviewViewModel().tag(List.of(AttributePath.of("password_hash")), Classification.SECRET);
            vm().reviewViewModel().noteProperty().set("");
            vm().reviewViewModel().tag(List.of(AttributePath.of("user_id")), Classification.PUBLIC);
        });
        idle();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        waitUntil(() -> vm().auditLogViewModel().entries().size() == 2);
        robot.clickOn(robot.lookup(".text-field").match(n -> n.isVisible()).queryAs(TextField.class))
                .write("login password");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> table = robot.lookup("#audit-table").queryAs(javafx.scene.control.TableView.class);
        assertThat(table.getItems()).hasSize(1);
        assertThat(Files.exists(dir.resolve("ws"))).isTrue();
    }
}
