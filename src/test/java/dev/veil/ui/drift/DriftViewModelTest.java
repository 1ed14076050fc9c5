package dev.veil.ui.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.app.PublishRequest;
import dev.veil.demo.DemoData;
import dev.veil.model.Classification;
import dev.veil.model.Finding;
import dev.veil.model.FindingKind;
import dev.veil.ui.ConnectedSession;
import dev.veil.ui.DemoSessionExtension;
import dev.veil.ui.event.ConsoleEvent;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Drift page's view model over the local DynamoDB, a real H2 workspace and policy store: the
 * audit, its summary and badges, what it tells the other pages, and waiving a finding.
 */
@ExtendWith(DemoSessionExtension.class)
class DriftViewModelTest {
    private ConnectedSession console;
    private DriftViewModel vm;

    @BeforeEach
    void open(ConnectedSession session) throws Exception {
        console = session;
        vm = new DriftViewModel(console.session());
        console.connect();
        vm.allTablesProperty().set(false);
    }

    private void audit(String table) {
        vm.chosenTables().setAll(table);
        vm.run();
        console.idle();
    }

    /** Users sampled, one path decided and published: every other path is a new attribute to the audit. */
    private void usersPublishedWithOnePath() {
        console.sample(DemoData.USERS, 200);
        console.tag(DemoData.USERS, "user_id", Classification.PUBLIC, "");
        console.veil().publishing().publish(DemoData.USERS, PublishRequest.of(Optional.of("user_id")));
    }

    private Finding first(FindingKind kind) {
        return vm.reportProperty().get().orElseThrow().findings().stream().filter(f -> f.kind() == kind)
                .findFirst().orElseThrow();
    }

    @Test
    void aTableWithoutAPolicyIsReportedAsSuch() {
        audit(DemoData.USERS);

        assertThat(vm.reportProperty().get().orElseThrow().findings())
                .anySatisfy(f -> assertThat(f.kind()).isEqualTo(FindingKind.NO_POLICY));
        assertThat(vm.summaryProperty().get()).containsPattern("^[0-9,]+ findings? in 1 table: ");
    }

    @Test
    void theAuditGivesEachAuditedTableItsBadge() {
        audit(DemoData.USERS);

        int findings = vm.reportProperty().get().orElseThrow().findings().size();
        assertThat(console.session().driftFindings()).containsEntry(DemoData.USERS, findings);
    }

    @Test
    void aTableTheAuditSampledAfreshIsAnnounced() {
        audit(DemoData.ORDERS);

        assertThat(console.events()).contains(new ConsoleEvent.TableSampled(DemoData.ORDERS));
    }

    @Test
    void aTableWithARecentSampleIsNotAnnouncedAgain() {
        console.sample(DemoData.ORDERS, 100);

        audit(DemoData.ORDERS);

        assertThat(console.events()).noneMatch(e -> e instanceof ConsoleEvent.TableSampled);
    }

    @Test
    void aFindingAboutTheWholeTableCannotBeWaived() {
        audit(DemoData.USERS);

        vm.select(Optional.of(first(FindingKind.NO_POLICY)));
        vm.waiveReasonProperty().set("known");

        assertThat(vm.waiveStatusProperty().get()).isEqualTo("A finding about the whole table cannot be waived; fix it.");
        assertThat(vm.canWaiveProperty().get()).isFalse();
    }

    @Test
    void aFindingCannotBeWaivedWithoutAReason() {
        usersPublishedWithOnePath();
        audit(DemoData.USERS);

        vm.select(Optional.of(first(FindingKind.NEW_ATTRIBUTE)));

        assertThat(vm.canWaiveProperty().get()).isFalse();
    }

    @Test
    void waivingAFindingWritesTheWaiverAndTheAuditAgainListsItAsWaived() {
        usersPublishedWithOnePath();
        audit(DemoData.USERS);
        Finding f = first(FindingKind.NEW_ATTRIBUTE);
        vm.select(Optional.of(f));
        vm.waiveReasonProperty().set("reviewed in PRIV-7");

        vm.waive();
        console.idle();

        assertThat(console.dir().resolve("policies/waivers.json")).content().contains("reviewed in PRIV-7");
        assertThat(vm.waiveStatusProperty().get()).startsWith("Waived until " + vm.waiveUntilProperty().get());
        assertThat(vm.reportProperty().get().orElseThrow().waived())
                .anySatisfy(e -> assertThat(e.finding().path()).isEqualTo(f.path()));
        assertThat(console.events()).contains(new ConsoleEvent.WaiverChanged(DemoData.USERS));
    }
}
