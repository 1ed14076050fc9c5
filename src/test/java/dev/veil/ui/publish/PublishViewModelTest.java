package dev.veil.ui.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.demo.DemoData;
import dev.veil.model.Classification;
import dev.veil.ui.ConnectedSession;
import dev.veil.ui.DemoSessionExtension;
import dev.veil.ui.event.ConsoleEvent;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Publish page's view model over the local DynamoDB and a real H2 workspace and policy store:
 * the preview, publishing, a widening version waiting for a reason, and when the page reloads.
 */
@ExtendWith(DemoSessionExtension.class)
class PublishViewModelTest {
    private ConnectedSession console;
    private PublishViewModel vm;

    @BeforeEach
    void open(ConnectedSession session) throws Exception {
        console = session;
        vm = new PublishViewModel(console.session());
        console.connect();
        console.sample(DemoData.USERS, 200);
    }

    private Path version(int n) {
        return console.dir().resolve("policies").resolve(DemoData.USERS).resolve("v" + n + ".json");
    }

    private void decideAndChooseUsers() {
        console.tag(DemoData.USERS, "user_id", Classification.PUBLIC, "");
        console.tag(DemoData.USERS, "password_hash", Classification.SECRET, "");
        console.choose(DemoData.USERS);
    }

    @Test
    void choosingATablePreviewsTheChangesOfItsNextVersion() {
        decideAndChooseUsers();

        assertThat(vm.previewProperty().get()).isPresent();
        assertThat(vm.changes()).extracting(c -> c.path().toString()).contains("user_id", "password_hash");
        assertThat(vm.history()).isEmpty();
    }

    @Test
    void withoutDecisionsThePageSaysSoInsteadOfPublishing() {
        console.choose(DemoData.USERS);
        vm.publish();
        console.idle();

        assertThat(vm.problemProperty().get()).isNotBlank();
        assertThat(version(1)).doesNotExist();
        assertThat(console.failures()).isEmpty();
    }

    @Test
    void publishingWritesTheVersionSaysWhereAndListsItInTheHistory() {
        decideAndChooseUsers();

        vm.publish();
        console.idle();

        assertThat(version(1)).exists();
        assertThat(vm.outcomeProperty().get()).isEqualTo("Published version 1 to " + version(1));
        assertThat(vm.history()).extracting(p -> p.version()).containsExactly(1);
        assertThat(console.events()).contains(new ConsoleEvent.PolicyPublished(DemoData.USERS, 1));
    }

    @Test
    void publishingWhatIsAlreadyPublishedWritesNothing() {
        decideAndChooseUsers();
        vm.publish();
        console.idle();

        vm.publish();
        console.idle();

        assertThat(vm.outcomeProperty().get()).isEqualTo("Nothing changed since version 1; nothing was written.");
        assertThat(version(2)).doesNotExist();
    }

    @Test
    void aWideningVersionIsWrittenOnlyWithAReasonWhichItRecords() throws Exception {
        decideAndChooseUsers();
        vm.publish();
        console.idle();
        console.tag(DemoData.USERS, "password_hash", Classification.PUBLIC, "");
        console.session().events().publish(new ConsoleEvent.DecisionsChanged(DemoData.USERS));
        console.idle();

        vm.publish();
        assertThat(vm.confirmingProperty().get()).isTrue();
        vm.confirmWidening();
        assertThat(vm.problemProperty().get()).startsWith("Say why this version may widen exposure");
        vm.reasonProperty().set("approved by ana in REV-7");
        vm.confirmWidening();
        console.idle();

        assertThat(new ObjectMapper().readTree(version(2).toFile()).get("published").get("note").asText())
                .isEqualTo("approved by ana in REV-7");
        assertThat(vm.confirmingProperty().get()).isFalse();
    }

    @Test
    void aChangeToAnotherTableLeavesThePreviewAlone() {
        decideAndChooseUsers();

        console.session().events().publish(new ConsoleEvent.DecisionsChanged(DemoData.ORDERS));

        assertThat(console.tasks().busyProperty().get()).as("a load started").isFalse();
        assertThat(vm.previewProperty().get()).isPresent();
    }

    @Test
    void aDecisionOfItsTableReloadsThePreview() {
        decideAndChooseUsers();
        console.tag(DemoData.USERS, "email", Classification.OWNER_ONLY, "");

        console.session().events().publish(new ConsoleEvent.DecisionsChanged(DemoData.USERS));
        console.idle();

        assertThat(vm.changes()).extracting(c -> c.path().toString()).contains("email");
    }

    @Test
    void aStoreInsideTheStartFolderIsNamedWithHowToChooseAnother() {
        Path start = console.dir().resolve("service-checkout");

        assertThat(PublishViewModel.startFolderNote(start.resolve("policies"), start)).hasValueSatisfying(note ->
                assertThat(note).contains(start.resolve("policies").toString()).contains("started from")
                        .contains("--policies DIR"));
    }

    @Test
    void aStoreElsewhereNeedsNoNote() {
        assertThat(PublishViewModel.startFolderNote(console.dir().resolve("governance/policies"),
                console.dir().resolve("service"))).isEmpty();
    }
}
