package dev.veil.ui.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.veil.app.ReviewRow;
import dev.veil.app.VeilSettings;
import dev.veil.demo.DemoData;
import dev.veil.demo.LocalDynamo;
import dev.veil.model.AuditEntry;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.ui.ConsoleApp;
import dev.veil.ui.ConsoleLauncher;
import dev.veil.ui.MainViewModel;
import dev.veil.ui.Page;
import dev.veil.ui.connect.ConnectionRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
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
 * The Review page of a single-table design (the demo's app_data), against the local DynamoDB: a
 * group row per entity with its attributes under it, keyboard decisions and Ctrl+Z that go to the
 * group's entity, and a table without entities shown without groups.
 */
@ExtendWith({LocalDynamoExtension.class, ApplicationExtension.class})
class EntityReviewTest {
    private static LocalDynamo local;

    @TempDir
    Path workspace;

    private ConsoleApp.Console console;

    @BeforeAll
    static void seed(LocalDynamo server, software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo) {
        local = server;
        DemoTables.seeded(dynamo);
    }

    @Start
    void start(Stage stage) {
        VeilSettings settings = new VeilSettings(Optional.empty(), Optional.of("us-east-1"), Optional.empty(),
                workspace.resolve("ws"), workspace.resolve("policies"));
        console = ConsoleApp.Console.open(stage, settings, ConsoleLauncher.opener(), () -> { });
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    private MainViewModel vm() {
        return console.viewModel();
    }

    private ReviewViewModel review() {
        return vm().reviewViewModel();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void idle() throws Exception {
        waitUntil(() -> !vm().tasks().busyProperty().get());
    }

    /** Connects, samples {@code table} and opens the Review page with the tree focused. */
    private void review(FxRobot robot, String table) throws Exception {
        robot.interact(() -> vm().connect(new ConnectionRequest.Endpoint(local.endpoint(), Optional.of("us-east-1"))));
        waitUntil(() -> vm().connectionProperty().get().isPresent());
        idle();
        robot.interact(() -> {
            vm().pageProperty().set(Page.TABLES);
            var tables = vm().tablesViewModel();
            tables.tables().stream().filter(t -> t.name().equals(table)).findFirst()
                    .ifPresent(tables.selectedProperty()::set);
            tables.itemsProperty().set(600);
            tables.sample();
        });
        waitUntil(() -> !vm().tablesViewModel().samplingProperty().get());
        idle();
        robot.interact(() -> vm().pageProperty().set(Page.REVIEW));
        waitUntil(() -> !review().rows().isEmpty());
        idle();
        robot.interact(() -> tree().requestFocus());
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<PathTree.Node<ReviewRow>> tree() {
        return (TreeTableView<PathTree.Node<ReviewRow>>) console.stage().getScene().lookup("#review-tree");
    }

    private List<TreeItem<PathTree.Node<ReviewRow>>> topLevel() {
        return tree().getRoot().getChildren();
    }

    private String cell(TreeItem<PathTree.Node<ReviewRow>> item, String column) {
        return tree().getColumns().stream().filter(c -> c.getText().equals(column)).findFirst().orElseThrow()
                .getCellData(item).toString();
    }

    private Optional<ReviewRow> entityRow(String entity, String path) {
        return review().groups().stream().filter(g -> g.name().equals(entity)).flatMap(g -> g.rows().stream())
                .filter(r -> r.path().toString().equals(path)).findFirst();
    }

    private String selected() {
        TreeItem<PathTree.Node<ReviewRow>> item = tree().getSelectionModel().getSelectedItem();
        return item == null ? "(no selection)" : item.getValue().path().toString();
    }

    /** Selects the first attribute of the second entity's group; returns {entity, path, next path}. */
    private String[] selectInSecondGroup(FxRobot robot) {
        TreeItem<PathTree.Node<ReviewRow>> group = topLevel().get(1);
        String entity = cell(group, "Path");
        TreeItem<PathTree.Node<ReviewRow>> first = group.getChildren().get(0);
        robot.interact(() -> {
            int i = tree().getRow(first);
            tree().getSelectionModel().clearAndSelect(i);
            tree().getFocusModel().focus(i);
        });
        return new String[] {entity, first.getValue().path().toString(),
                group.getChildren().get(1).getValue().path().toString()};
    }

    @Test
    void aTableWithEntitiesShowsAGroupRowPerEntityWithItsAttributesUnderIt(FxRobot robot) throws Exception {
        review(robot, DemoData.APP_DATA);
        waitUntil(() -> !review().groups().isEmpty());
        List<String> entities = review().groups().stream().map(ReviewViewModel.EntityGroup::name).toList();
        assertThat(entities).hasSizeGreaterThan(1);
        assertThat(topLevel()).extracting(i -> cell(i, "Path")).containsExactlyElementsOf(entities);
        for (TreeItem<PathTree.Node<ReviewRow>> group : topLevel()) {
            ReviewViewModel.EntityGroup g = review().groups().stream()
                    .filter(x -> x.name().equals(cell(group, "Path"))).findFirst().orElseThrow();
            assertThat(group.getValue().row()).as("a group row decides nothing").isEmpty();
            assertThat(group.getChildren()).isNotEmpty();
            assertThat(cell(group, "Note / reasons")).startsWith("match ")
                    .contains(String.format("%,d items sampled", g.summary().itemsSampled()))
                    .endsWith(g.unreviewed() + " unreviewed");
        }
    }

    @Test
    void aKeyDecidesThePathForTheEntityOfItsGroupAndTheCursorMovesOn(FxRobot robot) throws Exception {
        review(robot, DemoData.APP_DATA);
        waitUntil(() -> !review().groups().isEmpty());
        String[] picked = selectInSecondGroup(robot);
        robot.type(KeyCode.S);
        waitUntil(() -> entityRow(picked[0], picked[1]).flatMap(ReviewRow::decision).isPresent());
        idle();
        Decision d = entityRow(picked[0], picked[1]).flatMap(ReviewRow::decision).orElseThrow();
        assertThat(d.classification()).isEqualTo(Classification.SECRET);
        assertThat(d.entity()).isEqualTo(picked[0]);
        assertThat(vm().session().veil().entities().rows(DemoData.APP_DATA, picked[0]))
                .filteredOn(r -> r.path().toString().equals(picked[1])).extracting(r -> r.decision().isPresent())
                .containsExactly(true);
        assertThat(review().rows()).as("the table as a whole keeps no decision of it")
                .filteredOn(r -> r.path().toString().equals(picked[1])).allMatch(ReviewRow::unreviewed);
        assertThat(selected()).isEqualTo(picked[2]);
        assertThat(review().selectedEntityProperty().get()).isEqualTo(picked[0]);
    }

    @Test
    void ctrlZTakesAnEntitysFirstDecisionBackToUnreviewedWithAnAuditEntry(FxRobot robot) throws Exception {
        review(robot, DemoData.APP_DATA);
        waitUntil(() -> !review().groups().isEmpty());
        String[] picked = selectInSecondGroup(robot);
        robot.type(KeyCode.O);
        waitUntil(() -> entityRow(picked[0], picked[1]).flatMap(ReviewRow::decision).isPresent());
        idle();
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> entityRow(picked[0], picked[1]).filter(ReviewRow::unreviewed).isPresent());
        idle();
        List<AuditEntry> log = vm().session().veil().reviewing().auditLog(Optional.of(DemoData.APP_DATA));
        assertThat(log).filteredOn(e -> e.path().toString().equals(picked[1]))
                .extracting(AuditEntry::entity, AuditEntry::previous, AuditEntry::current)
                .containsExactly(tuple(picked[0], Optional.empty(), Optional.of(Classification.OWNER_ONLY)),
                        tuple(picked[0], Optional.of(Classification.OWNER_ONLY), Optional.empty()));
    }

    @Test
    void aTableWithoutEntitiesShowsItsPathsWithoutGroupRows(FxRobot robot) throws Exception {
        review(robot, DemoData.USERS);
        assertThat(review().groups()).isEmpty();
        assertThat(topLevel()).isNotEmpty().allMatch(i -> i.getValue().row().isPresent()
                || !i.getChildren().isEmpty());
        assertThat(topLevel()).extracting(i -> i.getValue().path().toString())
                .contains("password_hash", "email");
    }
}
