package dev.veil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.veil.dynamo.ItemSink;
import dev.veil.dynamo.SampleRequest;
import dev.veil.dynamo.SampleResult;
import dev.veil.dynamo.TableCatalog;
import dev.veil.dynamo.TableSampler;
import dev.veil.model.DynamoValue;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The point of the sampler, on the seeded {@code app_data} table: the first 500 items of a
 * plain Scan are one tenant's audit log, while a 500-item sample shows every entity type with
 * all of its attributes.
 */
@ExtendWith(LocalDynamoExtension.class)
class RepresentativeSampleTest {

    private static final int N = 500;

    /** For each entity type in the whole table, the attributes every item of that type carries. */
    private static Map<String, Set<String>> alwaysPresent;

    @BeforeAll
    static void profileTheWholeTable(DynamoDbClient dynamo) {
        DemoTables.seeded(dynamo);
        alwaysPresent = new HashMap<>();
        DemoDataTest.scan(dynamo, DemoData.APP_DATA).forEach(item -> alwaysPresent
                .merge(DemoDataTest.kind(item.get("entity_type") == null ? null : item.get("entity_type").s(),
                        item.get("sk").s()), new HashSet<>(item.keySet()), (a, b) -> {
                    a.retainAll(b);
                    return a;
                }));
    }

    @Test
    void firstItemsOfAPlainScanMissMostEntityTypes(DynamoDbClient dynamo) {
        Seen seen = new Seen();

        SampleResult result = new TableSampler(dynamo).plainScan(new TableCatalog(dynamo).describe(DemoData.APP_DATA), N, seen);

        assertThat(result.items()).isEqualTo(N);
        assertThat(result.collectionsTouched()).isEqualTo(1);
        assertThat(seen.types).hasSizeLessThanOrEqualTo(2);
        assertThat(alwaysPresent.keySet()).hasSizeGreaterThan(seen.types.size() + 5);
        assertThat(seen.names).doesNotContain("session_token", "password_hash", "key_hash");
    }

    @Test
    void sampleOfTheSameSizeFindsTheAttributesOfEveryEntityType(DynamoDbClient dynamo) {
        Seen seen = new Seen();

        SampleResult result = new TableSampler(dynamo).sample(new TableCatalog(dynamo).describe(DemoData.APP_DATA),
                SampleRequest.of(N), seen);

        assertThat(result.items()).isEqualTo(N);
        assertThat(seen.types).isEqualTo(alwaysPresent.keySet());
        alwaysPresent.forEach((type, names) -> assertThat(seen.names).as(type).containsAll(names));
        assertThat(result.collectionsTouched()).isGreaterThan(N / 4);
    }

    /** Entity types and attribute names seen; called from several sampler threads. */
    private static final class Seen implements ItemSink {
        final Set<String> types = ConcurrentHashMap.newKeySet();
        final Set<String> names = ConcurrentHashMap.newKeySet();

        @Override
        public void accept(int segment, Map<String, DynamoValue> item) {
            types.add(DemoDataTest.kind(item.get("entity_type") instanceof DynamoValue.S s ? s.value() : null,
                    ((DynamoValue.S) item.get("sk")).value()));
            names.addAll(item.keySet());
        }
    }
}
