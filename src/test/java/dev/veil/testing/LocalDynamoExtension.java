package dev.veil.testing;

import dev.veil.demo.LocalDynamo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Gives tests a real local DynamoDB (dynalite): ONE server and ONE client per test JVM, started
 * on first use and stopped when the JUnit run ends. Resolves parameters of type
 * {@link DynamoDbClient} and {@link LocalDynamo} in constructors, test methods and lifecycle
 * methods.
 *
 * <pre>{@code
 * @ExtendWith(LocalDynamoExtension.class)
 * class MyTest {
 *     @Test
 *     void readsWhatWasWritten(DynamoDbClient dynamo) {
 *         String table = TestTables.createTable(dynamo, "my", "pk");   // unique name, never clashes
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The server is shared, so tables outlive a test class: create each with a unique name
 * ({@link TestTables#uniqueName}) rather than relying on an empty server. The client must not be
 * closed by tests.
 */
public final class LocalDynamoExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalDynamoExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DynamoDbClient.class || type == LocalDynamo.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Server server = server(context);
        return parameter.getParameter().getType() == LocalDynamo.class ? server.local : server.client;
    }

    /** The shared server, for an extension that builds its fixture on it. */
    public static LocalDynamo local(ExtensionContext context) {
        return server(context).local;
    }

    /** The shared server's client, for an extension that builds its fixture on it; not to be closed. */
    public static DynamoDbClient client(ExtensionContext context) {
        return server(context).client;
    }

    private static Server server(ExtensionContext context) {
        // The root store lives for the whole run and closes its resources once, at the end.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Server.class, key -> new Server(), Server.class);
    }

    /** The server and its client, closed together by JUnit at the end of the run. */
    private static final class Server implements ExtensionContext.Store.CloseableResource {
        final LocalDynamo local;
        final DynamoDbClient client;

        Server() {
            local = LocalDynamo.start();
            client = local.newClient();
        }

        @Override
        public void close() {
            try {
                client.close();
            } finally {
                local.close();
            }
        }
    }
}
