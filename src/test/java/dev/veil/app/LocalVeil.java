package dev.veil.app;

import dev.veil.demo.LocalDynamo;
import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.testing.Folders;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import dev.veil.work.Cancellation;
import dev.veil.work.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * For focused tests of the use cases: a {@link Veil} over the local DynamoDB with a fresh H2
 * workspace ({@code dir/ws}) and policy store ({@code dir/policies}), and small tables of its own
 * (unique names, so tests never share one). A test takes one as a parameter from {@link Resolver}
 * (one per test, or per class for a {@code @BeforeAll}), sets the scene through the real use
 * cases, then calls the one under test.
 */
final class LocalVeil implements AutoCloseable {

    /** Items of every table this fixture creates: small, so sampling reads each whole. */
    static final int ITEMS = 20;
    /** The paths of a {@link #people} table. */
    static final List<String> PEOPLE_PATHS = List.of("email", "id", "nickname", "owner_id", "password_hash", "score");

    private static final String HASH = "R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";

    private final DynamoDbClient dynamo;
    private final Path dir;
    private final Veil veil;

    private LocalVeil(DynamoDbClient dynamo, Path dir, Veil veil) {
        this.dynamo = dynamo;
        this.dir = dir;
        this.veil = veil;
    }

    static LocalVeil over(LocalDynamo local, DynamoDbClient dynamo, Path dir) {
        return new LocalVeil(dynamo, dir, Veil.open(settings(local, dir.resolve("ws"), dir.resolve("policies"))));
    }

    /** Settings over the local DynamoDB with this workspace and policy store. */
    static VeilSettings settings(LocalDynamo local, Path workspace, Path policies) {
        return new VeilSettings(Optional.of(local.endpoint()), Optional.of("us-east-1"), Optional.empty(),
                workspace, policies);
    }

    /**
     * Resolves a {@link LocalVeil} parameter: opened in a folder of its own, closed and the folder
     * deleted when the test (or, for a {@code @BeforeAll}, the class) is done.
     */
    static final class Resolver implements ParameterResolver {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Resolver.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == LocalVeil.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(Opened.class, key -> open(context), Opened.class)
                    .local();
        }

        private static Opened open(ExtensionContext context) {
            Path dir;
            try {
                dir = Files.createTempDirectory("veil-app-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return new Opened(over(LocalDynamoExtension.local(context), LocalDynamoExtension.client(context), dir));
            } catch (RuntimeException e) {
                try {
                    Folders.delete(dir);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }

        /** The fixture, closed with its folder when the store closes. */
        private record Opened(LocalVeil local) implements ExtensionContext.Store.CloseableResource {
            @Override
            public void close() throws IOException {
                local.close();
                Folders.delete(local.dir());
            }
        }
    }

    /** The folder of the workspace and the policy store, for other files a test writes. */
    Path dir() {
        return dir;
    }

    Veil veil() {
        return veil;
    }

    Path policies() {
        return dir.resolve("policies");
    }

    /**
     * A table keyed by {@code id} of {@link #ITEMS} people: a nickname, an e-mail address, a bcrypt
     * password hash, a score and the id of the user who owns the row.
     */
    String people() {
        String table = TestTables.createTable(dynamo, "people", "id");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("id", s("p-" + i));
            item.put("nickname", s("nick " + i));
            item.put("email", s("person" + i + "@example.com"));
            item.put("password_hash", s("$2b$12$" + HASH.substring(i) + HASH.substring(0, i)));
            item.put("score", AttributeValue.fromN(String.valueOf(100 + i)));
            item.put("owner_id", s("user-" + i));
            items.add(item);
        }
        TestTables.putItems(dynamo, table, items);
        return table;
    }

    /** Puts {@code items} into a new table keyed by {@code pk} (and {@code sk} when given). */
    String table(String prefix, String pk, Optional<String> sk, List<Map<String, AttributeValue>> items) {
        String table = sk.isPresent() ? TestTables.createTable(dynamo, prefix, pk, sk.get())
                : TestTables.createTable(dynamo, prefix, pk);
        TestTables.putItems(dynamo, table, items);
        return table;
    }

    /** Samples every item of {@code table} into the workspace. */
    SampleOutcome sample(String table) {
        return veil.sampling().sample(SampleOptions.of(table, ITEMS * 10), ProgressListener.NONE, Cancellation.none());
    }

    /** Records {@code c} for each of {@code paths}, as a reviewer would. */
    void tag(String table, Classification c, String... paths) {
        veil.reviewing().tag(table, java.util.Arrays.stream(paths).map(AttributePath::parse).toList(), c, "ana", "");
    }

    /** Decides every path of a {@link #people} table, the e-mail owner-only and the hash secret. */
    void decidePeople(String table) {
        tag(table, Classification.PUBLIC, "id", "nickname", "owner_id", "score");
        tag(table, Classification.OWNER_ONLY, "email");
        tag(table, Classification.SECRET, "password_hash");
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @Override
    public void close() {
        veil.close();
    }
}
