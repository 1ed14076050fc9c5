package dev.veil.ui;

import dev.veil.testing.DemoTables;
import dev.veil.testing.Folders;
import dev.veil.testing.LocalDynamoExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The set-up every view-model test of a page shares: resolves a {@link ConnectedSession}
 * parameter (of a {@code @BeforeEach} or test method) opened over the local DynamoDB with the demo
 * tables seeded, in a fresh folder of its own ({@link ConnectedSession#dir()}); one per test,
 * closed and its folder deleted after it. The session is not yet connected, so a test can set the
 * scene first.
 *
 * <pre>{@code
 * @ExtendWith(DemoSessionExtension.class)
 * class SomePageViewModelTest {
 *     @BeforeEach
 *     void open(ConnectedSession console) {
 *         vm = new SomePageViewModel(console.session());
 *         console.connect();
 *     }
 * }
 * }</pre>
 */
public final class DemoSessionExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DemoSessionExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ConnectedSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The method's store: the @BeforeEach and the test get the same session, closed after the test.
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Opened.class, key -> open(context), Opened.class)
                .session();
    }

    private static Opened open(ExtensionContext context) {
        DemoTables.seeded(LocalDynamoExtension.client(context));
        Path dir;
        try {
            dir = Files.createTempDirectory("veil-console-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new Opened(ConnectedSession.over(LocalDynamoExtension.local(context), dir), dir);
        } catch (Exception e) {
            IllegalStateException failure = new IllegalStateException("cannot connect a session to the local DynamoDB", e);
            try {
                Folders.delete(dir);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /** A session and its folder, closed together when the test's store closes. */
    private record Opened(ConnectedSession session, Path dir) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException {
            session.close();
            Folders.delete(dir);
        }
    }
}
