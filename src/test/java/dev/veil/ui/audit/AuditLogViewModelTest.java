package dev.veil.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.demo.DemoData;
import dev.veil.model.AuditEntry;
import dev.veil.model.Classification;
import dev.veil.model.EntityCorrection;
import dev.veil.ui.ConnectedSession;
import dev.veil.ui.DemoSessionExtension;
import dev.veil.ui.event.ConsoleEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Audit log page's view model over the local DynamoDB and a real H2 workspace. */
@ExtendWith(DemoSessionExtension.class)
class AuditLogViewModelTest {
    private ConnectedSession console;
    private AuditLogViewModel vm;

    @BeforeEach
    void open(ConnectedSession session) throws Exception {
        console = session;
        vm = new AuditLogViewModel(console.session());
        console.sample(DemoData.USERS, 100);
        console.sample(DemoData.ORDERS, 100);
        console.tag(DemoData.USERS, "password_hash", Classification.SECRET, "hash of the login password");
        console.tag(DemoData.USERS, "user_id", Classification.PUBLIC, "");
        console.tag(DemoData.ORDERS, "order_id", Classification.PUBLIC, "");
        console.connect();
    }

    private List<String> shown() {
        return vm.entries().stream().filter(vm.filterProperty().get()).map(e -> e.table() + " " + e.path()).toList();
    }

    @Test
    void connectingListsEveryDecisionNewestFirst() {
        assertThat(vm.entries()).extracting(e -> e.path().toString())
                .containsExactly("order_id", "user_id", "password_hash");
    }

    @Test
    void theTextFilterMatchesNotes() {
        vm.filterTextProperty().set("LOGIN password");

        assertThat(shown()).containsExactly("users password_hash");
    }

    @Test
    void theTextFilterMatchesClasses() {
        vm.filterTextProperty().set("public");

        assertThat(shown()).containsExactly("orders order_id", "users user_id");
    }

    @Test
    void currentTableOnlyHidesTheDecisionsOfOtherTables() {
        console.choose(DemoData.ORDERS);
        vm.currentTableOnlyProperty().set(true);

        assertThat(shown()).containsExactly("orders order_id");
    }

    @Test
    void aNewDecisionAppearsOnceTheReviewSaysDecisionsChanged() {
        console.tag(DemoData.USERS, "email", Classification.OWNER_ONLY, "");
        assertThat(vm.entries()).hasSize(3);

        console.session().events().publish(new ConsoleEvent.DecisionsChanged(DemoData.USERS));
        console.idle();

        assertThat(vm.entries()).first().extracting(AuditEntry::path).hasToString("email");
    }

    @Test
    void aNewSampleOrVersionDoesNotReadTheLogAgain() {
        console.session().events().publish(new ConsoleEvent.TableSampled(DemoData.USERS));
        console.session().events().publish(new ConsoleEvent.PolicyPublished(DemoData.USERS, 1));

        assertThat(console.tasks().busyProperty().get()).isFalse();
    }
    @Test
    void aStewardsCorrectionOfTheEntitiesIsListedBesideTheDecisions() {
        console.sample(DemoData.APP_DATA, 300);
        String found = console.veil().entityEditing().list(DemoData.APP_DATA).entities().get(0).name();
        console.veil().entityEditing().rename(DemoData.APP_DATA, found, "RENAMED", "ana", "a clearer name");

        vm.load();
        console.idle();

        assertThat(vm.corrections()).extracting(EntityCorrection::describe)
                .containsExactly("renamed \"" + found + "\" to \"RENAMED\"");
    }

    @Test
    void currentTableOnlyHidesTheCorrectionsOfOtherTables() {
        console.sample(DemoData.APP_DATA, 300);
        String found = console.veil().entityEditing().list(DemoData.APP_DATA).entities().get(0).name();
        console.veil().entityEditing().rename(DemoData.APP_DATA, found, "RENAMED", "ana", "");
        vm.load();
        console.idle();
        console.choose(DemoData.USERS);

        vm.currentTableOnlyProperty().set(true);

        assertThat(vm.corrections().filtered(vm.correctionFilterProperty().get())).isEmpty();
    }
}
