package dev.veil.ui.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.veil.app.ReviewRow;
import dev.veil.demo.DemoData;
import dev.veil.model.AttributePath;
import dev.veil.model.AuditEntry;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.ui.ConsoleTestCase;
import dev.veil.ui.Page;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reviewing by keyboard on the Review page, against the local DynamoDB with the demo tables: the
 * cursor moves on after each decision under every filter, Ctrl+Z takes a decision back, bulk
 * accept says what it did, and the empty tree says what is true.
 */
class KeyboardReviewTest extends ConsoleTestCase {

    @Override
    protected void place(Stage stage) {
        at1280By800(stage);
    }

    private ReviewViewModel review() {
        return vm().reviewViewModel();
    }

    /** Connects, samples users (or only chooses it) and opens the Review page with the tree focused. */
    private void reviewUsers(FxRobot robot, boolean sample) throws Exception {
        connect();
        if (sample) {
            sample(DemoData.USERS, 300);
        } else {
            choose(DemoData.USERS);
        }
        robot.interact(() -> vm().pageProperty().set(Page.REVIEW));
        if (sample) {
            waitUntil(() -> row("password_hash").isPresent());
        }
        idle();
        robot.interact(() -> tree().requestFocus());
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<PathTree.Node<ReviewRow>> tree() {
        return (TreeTableView<PathTree.Node<ReviewRow>>) console.stage().getScene().lookup("#review-tree");
    }

    private Optional<ReviewRow> row(String path) {
        return review().rows().stream().filter(r -> r.path().toString().equals(path)).findFirst();
    }

    /** The rows the filters let through, in tree order (ancestors shown only as context left out). */
    private List<String> visiblePaths() {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < tree().getExpandedItemCount(); i++) {
            TreeItem<PathTree.Node<ReviewRow>> item = tree().getTreeItem(i);
            if (item.getValue().row().filter(review().filterProperty().get()).isPresent()) {
                out.add(item.getValue().path().toString());
            }
        }
        return out;
    }

    private void select(FxRobot robot, String path) {
        robot.interact(() -> {
            for (int i = 0; i < tree().getExpandedItemCount(); i++) {
                if (tree().getTreeItem(i).getValue().path().toString().equals(path)) {
                    tree().getSelectionModel().clearAndSelect(i);
                    tree().getFocusModel().focus(i);
                    return;
                }
            }
            throw new AssertionError(path + " is not in the review tree");
        });
    }

    private String selectedPath() {
        TreeItem<PathTree.Node<ReviewRow>> item = tree().getSelectionModel().getSelectedItem();
        return item == null || item.getValue() == null ? "(no selection)" : item.getValue().path().toString();
    }

    private String detailTitle() {
        return review().focusedProperty().get().map(r -> r.path().toString()).orElse("(blank details pane)");
    }

    private Optional<Classification> decided(String path) {
        return row(path).flatMap(ReviewRow::decision).map(Decision::classification);
    }

    /** Decides the selected row with {@code key}; returns the path it decided. */
    private String press(FxRobot robot, KeyCode key) throws Exception {
        String decided = selectedPath();
        robot.type(key);
        waitUntil(() -> decided(decided).isPresent() && !selectedPath().equals(decided)
                && !selectedPath().equals("(no selection)"));
        idle();
        return decided;
    }

    @Test
    void withoutFiltersEachKeyDecidesTheRowAndShowsTheNextOne(FxRobot robot) throws Exception {
        reviewUsers(robot, true);
        List<String> order = visiblePaths();
        select(robot, order.get(0));
        press(robot, KeyCode.P);
        assertThat(selectedPath()).isEqualTo(order.get(1));
        assertThat(detailTitle()).isEqualTo(order.get(1));
        press(robot, KeyCode.S);
        assertThat(selectedPath()).isEqualTo(order.get(2));
        assertThat(detailTitle()).isEqualTo(order.get(2));
        assertThat(decided(order.get(0))).contains(Classification.PUBLIC);
        assertThat(decided(order.get(1))).contains(Classification.SECRET);
    }

    @Test
    void underUnreviewedOnlyTheDecidedRowLeavesAndTheNextUnreviewedOneIsSelected(FxRobot robot) throws Exception {
        reviewUsers(robot, true);
        robot.interact(() -> review().unreviewedOnlyProperty().set(true));
        List<String> order = visiblePaths();
        select(robot, order.get(0));
        press(robot, KeyCode.O);
        assertThat(visiblePaths()).doesNotContain(order.get(0));
        assertThat(selectedPath()).isEqualTo(order.get(1));
        assertThat(detailTitle()).isEqualTo(order.get(1));
        press(robot, KeyCode.O);
        assertThat(selectedPath()).isEqualTo(order.get(2));
        assertThat(decided(order.get(1))).contains(Classification.OWNER_ONLY);
    }

    @Test
    void underAClassFilterADecisionThatLeavesTheClassMovesToTheNextRowOfIt(FxRobot robot) throws Exception {
        reviewUsers(robot, true);
        robot.interact(() -> review().acceptSuggestions());
        idle();
        robot.interact(() -> review().classFilterProperty().set(ReviewViewModel.ClassFilter.SECRET));
        List<String> secrets = visiblePaths();
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(2);
        select(robot, secrets.get(0));
        press(robot, KeyCode.P);
        assertThat(visiblePaths()).doesNotContain(secrets.get(0));
        assertThat(selectedPath()).isEqualTo(secrets.get(1));
        assertThat(detailTitle()).isEqualTo(secrets.get(1));
    }

    @Test
    void underATextFilterTheCursorMovesToTheNextMatchingRow(FxRobot robot) throws Exception {
        reviewUsers(robot, true);
        robot.interact(() -> review().filterTextProperty().set("address"));
        List<String> matching = visiblePaths();
        assertThat(matching).hasSizeGreaterThanOrEqualTo(2).hasSizeLessThan(review().rows().size());
        select(robot, matching.get(0));
        press(robot, KeyCode.O);
        assertThat(selectedPath()).isEqualTo(matching.get(1));
        assertThat(detailTitle()).isEqualTo(matching.get(1));
    }

    @Test
    void underDisagreementsOnlyARowThatNowAgreesLeavesAndTheNextDisagreementIsShown(FxRobot robot) throws Exception {
        reviewUsers(robot, true);
        List<AttributePath> firstThree = review().rows().stream().filter(r -> r.suggestion().isPresent())
                .limit(3).map(ReviewRow::path).toList();
        robot.interact(() -> firstThree.forEach(p -> review().tag(List.of(p),
                opposite(row(p.toString()).orElseThrow().suggestion().orElseThrow().classification()))));
        idle();
        robot.interact(() -> review().disagreementOnlyProperty().set(true));
        List<String> disagreeing = visiblePaths();
        assertThat(disagreeing).hasSize(3);
        select(robot, disagreeing.get(0));
        Classification suggested = row(disagreeing.get(0)).orElseThrow().suggestion().orElseThrow().classification();
        String decided = selectedPath();
        robot.type(key(suggested));
        waitUntil(() -> decided(decided).equals(Optional.of(suggested)) && !visiblePaths().contains(decided));
        idle();
        assertThat(selectedPath()).isEqualTo(disagreeing.get(1));
        assertThat(detailTitle()).isEqualTo(disagreeing.get(1));
    }

    @Test
    void ctrlZGivesThePathItsEarlierClassBackAsANewAuditedDecision(FxRobot robot) throws Exception {
        reviewUsers(robot, true);
        robot.interact(() -> review().tag(List.of(AttributePath.of("email")), Classification.OWNER_ONLY));
        idle();
        select(robot, "email");
        press(robot, KeyCode.P);
        assertThat(decided("email")).contains(Classification.PUBLIC);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> decided("email").equals(Optional.of(Classification.OWNER_ONLY)));
        idle();
        List<AuditEntry> log = console.viewModel().session().veil().reviewing().auditLog(Optional.of(DemoData.USERS));
        assertThat(log).filteredOn(e -> e.path().toString().equals("email")).extracting(AuditEntry::current)
                .containsExactly(Optional.of(Classification.OWNER_ONLY), Optional.of(Classification.PUBLIC),
                        Optional.of(Classification.OWNER_ONLY));
        assertThat(outcome()).startsWith("Undid \u201cTagged 1 path public\u201d");
    }

    @Test
    void ctrlZOnAFirstDecisionTakesThePathBackToUnreviewedWithAnAuditEntry(FxRobot robot) throws Exception {
        reviewUsers(robot, true);
        select(robot, "phone");
        press(robot, KeyCode.S);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> row("phone").filter(ReviewRow::unreviewed).isPresent());
        idle();
        assertThat(outcome()).isEqualTo("Undid \u201cTagged 1 path secret\u201d: 1 path back to unreviewed.");
        List<AuditEntry> log = console.viewModel().session().veil().reviewing().auditLog(Optional.of(DemoData.USERS));
        assertThat(log).filteredOn(e -> e.path().toString().equals("phone"))
                .extracting(AuditEntry::previous, AuditEntry::current)
                .containsExactly(tuple(Optional.empty(), Optional.of(Classification.SECRET)),
                        tuple(Optional.of(Classification.SECRET), Optional.empty()));
        assertThat(review().canUndoProperty().get()).isFalse();
    }

    @Test
    void ctrlZAfterABulkAcceptTakesEveryAcceptedPathBackInOneStep(FxRobot robot) throws Exception {
        reviewUsers(robot, true);
        select(robot, "email");
        press(robot, KeyCode.O);
        List<String> accepted = review().rows().stream().filter(ReviewRow::unreviewed)
                .filter(r -> r.suggestion().filter(s -> s.confidence() >= 0.8).isPresent())
                .map(r -> r.path().toString()).toList();
        assertThat(accepted).hasSizeGreaterThan(1);
        robot.clickOn("#review-accept");
        waitUntil(() -> accepted.stream().allMatch(p -> decided(p).isPresent()));
        idle();
        robot.clickOn("#review-undo");
        waitUntil(() -> accepted.stream().allMatch(p -> row(p).filter(ReviewRow::unreviewed).isPresent()));
        idle();
        assertThat(outcome()).isEqualTo("Undid \u201cAccepted " + accepted.size() + " suggestions at or above 80%"
                + "\u201d: " + accepted.size() + " paths back to unreviewed.");
        assertThat(decided("email")).as("the decision before the bulk accept").contains(Classification.OWNER_ONLY);
        List<AuditEntry> log = console.viewModel().session().veil().reviewing().auditLog(Optional.of(DemoData.USERS));
        assertThat(log).filteredOn(AuditEntry::retracted).extracting(e -> e.path().toString())
                .containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(review().canUndoProperty().get()).as("the earlier tag of email is still undoable").isTrue();
    }

    @Test
    void acceptingSuggestionsSaysHowManyItAccepted(FxRobot robot) throws Exception {
        reviewUsers(robot, true);
        long expected = review().rows().stream().filter(ReviewRow::unreviewed)
                .filter(r -> r.suggestion().filter(s -> s.confidence() >= 0.8).isPresent()).count();
        assertThat(expected).isPositive();
        robot.clickOn("#review-accept");
        waitUntil(() -> !outcome().isEmpty());
        idle();
        assertThat(outcome()).isEqualTo("Accepted " + expected + " suggestion" + (expected == 1 ? "" : "s")
                + " at or above 80%. Ctrl+Z undoes it.");
        assertThat(robot.lookup("#review-outcome").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void beforeASampleTheEmptyTreeSaysToSampleTheTable(FxRobot robot) throws Exception {
        reviewUsers(robot, false);
        assertThat(emptyHeadline(robot)).isEqualTo("Nothing to review yet");
    }

    @Test
    void withEveryPathReviewedUnreviewedOnlySaysAllPathsReviewed(FxRobot robot) throws Exception {
        reviewUsers(robot, true);
        robot.interact(() -> review().tag(review().rows().stream().map(ReviewRow::path).toList(),
                Classification.SECRET));
        idle();
        robot.interact(() -> review().unreviewedOnlyProperty().set(true));
        assertThat(emptyHeadline(robot)).isEqualTo("All " + review().rows().size() + " paths reviewed");
    }

    @Test
    void aFilterThatMatchesNothingSaysTheFiltersHideThePaths(FxRobot robot) throws Exception {
        reviewUsers(robot, true);
        robot.interact(() -> review().filterTextProperty().set("no-such-attribute"));
        assertThat(emptyHeadline(robot)).isEqualTo("No path matches the filters");
    }

    private String outcome() {
        return review().outcomeProperty().get();
    }

    private String emptyHeadline(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Node empty = robot.lookup("#review-empty").query();
        assertThat(empty.isVisible()).isTrue();
        return robot.from(empty).lookup(".title-4").queryAs(Label.class).getText();
    }

    private static Classification opposite(Classification c) {
        return c == Classification.PUBLIC ? Classification.SECRET : Classification.PUBLIC;
    }

    private static KeyCode key(Classification c) {
        return switch (c) {
            case PUBLIC -> KeyCode.P;
            case OWNER_ONLY -> KeyCode.O;
            case SECRET -> KeyCode.S;
        };
    }
}
