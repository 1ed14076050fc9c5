package dev.veil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.veil.dynamo.DynamoAccessException;
import dev.veil.model.PathSyntaxException;
import dev.veil.policy.PolicyFormatException;
import dev.veil.policy.PolicyStoreException;
import dev.veil.workspace.WorkspaceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each capability package's failure becomes: bad input, unavailable, or untouched (Veil's bug). */
class FailuresTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("table not found", (Supplier<RuntimeException>) () -> dynamo(DynamoAccessException.Kind.NOT_FOUND), "BAD_INPUT"),
                Arguments.of("invalid request", (Supplier<RuntimeException>) () -> dynamo(DynamoAccessException.Kind.INVALID), "BAD_INPUT"),
                Arguments.of("DynamoDB unreachable", (Supplier<RuntimeException>) () -> dynamo(DynamoAccessException.Kind.UNREACHABLE), "UNAVAILABLE"),
                Arguments.of("access denied", (Supplier<RuntimeException>) () -> dynamo(DynamoAccessException.Kind.ACCESS_DENIED), "UNAVAILABLE"),
                Arguments.of("malformed policy file", (Supplier<RuntimeException>) () -> new PolicyFormatException("users/v1.json", 3, 5, "not JSON", "restore it"), "BAD_INPUT"),
                Arguments.of("unreadable policy store", (Supplier<RuntimeException>) () -> new PolicyStoreException(Path.of("policies"), "cannot read", null), "UNAVAILABLE"),
                Arguments.of("unreadable workspace", (Supplier<RuntimeException>) () -> new WorkspaceException(WorkspaceException.Problem.UNREADABLE, Path.of("ws"), "damaged"), "UNAVAILABLE"),
                Arguments.of("unreadable file", (Supplier<RuntimeException>) () -> new UncheckedIOException(new IOException("disk gone")), "UNAVAILABLE"),
                Arguments.of("bad attribute path", (Supplier<RuntimeException>) () -> new PathSyntaxException("a..b", 2, "empty segment"), "BAD_INPUT"),
                Arguments.of("NullPointerException", (Supplier<RuntimeException>) NullPointerException::new, "BUG"),
                Arguments.of("IllegalStateException", (Supplier<RuntimeException>) () -> new IllegalStateException("broken invariant"), "BUG"),
                Arguments.of("IllegalArgumentException of a broken invariant", (Supplier<RuntimeException>) () -> new IllegalArgumentException("two decisions for one path"), "BUG"),
                Arguments.of("ClassCastException", (Supplier<RuntimeException>) ClassCastException::new, "BUG"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("failures")
    void eachFailureIsClassifiedAndVeilsOwnBugsPassThrough(String name, Supplier<RuntimeException> failure, String expected) {
        RuntimeException thrown = failure.get();
        Throwable seen = catchThrowable(() -> Failures.translate(() -> {
            throw thrown;
        }));

        if (expected.equals("BUG")) {
            assertThat(seen).isSameAs(thrown);
        } else {
            assertThat(seen).isInstanceOf(VeilException.class).hasCause(thrown);
            assertThat(((VeilException) seen).kind()).isEqualTo(VeilException.Kind.valueOf(expected));
        }
    }

    private static DynamoAccessException dynamo(DynamoAccessException.Kind kind) {
        return new DynamoAccessException(kind, "DynamoDB said no", "http://127.0.0.1:1", Optional.of("users"), null);
    }
}
