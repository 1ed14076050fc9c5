package dev.veil.ui.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.app.TableOverview;
import dev.veil.model.DynamoType;
import dev.veil.model.KeySchema;
import dev.veil.model.TableInfo;
import dev.veil.ui.Session;
import dev.veil.ui.task.BackgroundTasks;
import dev.veil.ui.task.UiQueue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TablesViewModelTest {
    private final BackgroundTasks tasks = new BackgroundTasks(new UiQueue());
    private final Session session = new Session(tasks);
    private final TablesViewModel vm = new TablesViewModel(session);

    @AfterEach
    void close() {
        tasks.close();
    }

    private static TableOverview users() {
        return new TableOverview(new TableInfo("users", new KeySchema(new KeySchema.KeyAttribute("user_id", DynamoType.S),
                Optional.empty()), 10, 100, List.of(), "ACTIVE"), Optional.empty(), 0, Optional.empty());
    }

    @Test
    void nothingCanBeSampledUntilATableIsSelected() {
        assertThat(vm.problemProperty().get()).isEqualTo("Select a table to sample.");
        assertThat(vm.canSample().get()).isFalse();
    }

    @Test
    void selectingATableMakesItTheSessionsTable() {
        vm.selectedProperty().set(users());
        assertThat(session.tableProperty().get()).isEqualTo("users");
        assertThat(vm.canSample().get()).isTrue();
    }

    @Test
    void aReadRateCapMustBeAPositiveNumber() {
        vm.selectedProperty().set(users());
        vm.maxRcuProperty().set("fast");
        assertThat(vm.problemProperty().get()).contains("'fast' is not a number");
        vm.maxRcuProperty().set("0");
        assertThat(vm.problemProperty().get()).contains("positive");
        vm.maxRcuProperty().set("2.5");
        assertThat(vm.problemProperty().get()).isEmpty();
    }

    @Test
    void driftBadgesComeFromTheLatestAudit() {
        session.driftFindings().put("users", 3);
        assertThat(vm.driftFindings("users")).contains(3);
        assertThat(vm.driftFindings("orders")).isEmpty();
    }
}
