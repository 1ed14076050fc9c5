package dev.veil.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.Classification;
import dev.veil.model.TableInfo;
import dev.veil.work.Cancellation;
import dev.veil.work.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The table list's numbers for tables of the local DynamoDB, read from DynamoDB, the workspace and
 * the policy store: what Veil cannot know yet is said to be unknown, never zero.
 */
@ExtendWith(LocalVeil.Resolver.class)
class TableListingTest {
    private LocalVeil local;
    private String table;

    @BeforeEach
    void open(LocalVeil fixture) {
        local = fixture;
        table = local.people();
    }

    private TableOverview overview() {
        return local.veil().tables().describe(table);
    }

    @Test
    void aTableNeverSampledHasNoUnreviewedCountAndNoSampleSize() {
        TableOverview never = overview();

        assertThat(never.unreviewedIfSampled()).isEmpty();
        assertThat(never.lastSampled()).isEmpty();
        assertThat(never.itemsSampled()).isZero();
        assertThat(never.policyVersion()).isEmpty();
    }

    @Test
    void aSampledTableCountsEveryPathNobodyDecided() {
        local.sample(table);

        TableOverview sampled = overview();

        assertThat(sampled.unreviewedIfSampled()).hasValue(LocalVeil.PEOPLE_PATHS.size());
        assertThat(sampled.lastSampled()).isPresent();
        assertThat(sampled.itemsSampled()).isEqualTo(LocalVeil.ITEMS);
    }

    @Test
    void theOverviewOfADescribedTableReadsDecisionsAfresh() {
        local.sample(table);
        TableOverview before = overview();
        local.tag(table, Classification.PUBLIC, "id", "nickname");

        assertThat(local.veil().tables().overview(before.info()).unreviewedIfSampled())
                .hasValue(LocalVeil.PEOPLE_PATHS.size() - 2);
    }

    @Test
    void aPublishedTableShowsItsLatestVersion() {
        local.sample(table);
        local.decidePeople(table);
        local.veil().publishing().publish(table, PublishRequest.of(Optional.of("owner_id")));

        TableOverview published = overview();

        assertThat(published.policyVersion()).contains(1);
        assertThat(published.unreviewedIfSampled()).hasValue(0);
    }

    @Test
    void theListDescribesEveryTableOfTheAccountAndReportsProgress() {
        List<Progress> progress = new ArrayList<>();

        List<TableOverview> all = local.veil().tables().list(progress::add, Cancellation.none());

        assertThat(all).extracting(TableOverview::name).contains(table);
        assertThat(progress).last().satisfies(p -> assertThat(p.message()).isEqualTo(all.size() + " tables"));
    }

    @Test
    void anItemCountDynamoDbHasNotRefreshedYetIsShownAsAtLeastTheSample() {
        local.sample(table);
        TableOverview sampled = overview();
        TableInfo uncounted = new TableInfo(table, sampled.info().keySchema(), 0, 0, List.of(), "ACTIVE");

        assertThat(new TableOverview(uncounted, Optional.empty(), 0, sampled.lastSampled(), sampled.itemsSampled())
                .itemsEstimate()).isEqualTo("≥ 20 (sampled)");
        assertThat(new TableOverview(uncounted, Optional.empty(), 0, Optional.empty()).itemsEstimate())
                .isEqualTo("not counted yet");
    }
}
