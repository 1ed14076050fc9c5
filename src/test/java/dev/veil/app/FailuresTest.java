package dev.veil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.veil.codegen.GeneratorOptions;
import dev.veil.demo.LocalDynamoException;
import dev.veil.dynamo.DynamoAccessException;
import dev.veil.dynamo.ExportReadException;
import dev.veil.dynamo.SampleRequest;
import dev.veil.model.PathSyntaxException;
import dev.veil.model.VeilFailure;
import dev.veil.policy.PolicyFormatException;
import dev.veil.policy.PolicyStoreException;
import dev.veil.workspace.WorkspaceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What each failure becomes on its way to a face: the kind set where it happened, unchanged, or
 * untouched when it is Veil's own bug. Options are checked by the real classes that check them.
 */
class FailuresTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                row("table not found", () -> dynamo(DynamoAccessException.Kind.NOT_FOUND), "BAD_INPUT"),
                row("invalid request", () -> dynamo(DynamoAccessException.Kind.INVALID), "BAD_INPUT"),
                row("DynamoDB unreachable", () -> dynamo(DynamoAccessException.Kind.UNREACHABLE), "UNAVAILABLE"),
                row("access denied", () -> dynamo(DynamoAccessException.Kind.ACCESS_DENIED), "UNAVAILABLE"),
                row("throttled", () -> dynamo(DynamoAccessException.Kind.THROTTLED), "UNAVAILABLE"),
                row("malformed export", () -> export(ExportReadException.Kind.MALFORMED), "BAD_INPUT"),
                row("unreadable export", () -> export(ExportReadException.Kind.UNREADABLE), "UNAVAILABLE"),
                row("malformed policy file", () -> new PolicyFormatException("users/v1.json", 3, 5, "not JSON", "restore it"), "BAD_INPUT"),
                row("unreadable policy store", () -> new PolicyStoreException(Path.of("policies"), "cannot read", null), "UNAVAILABLE"),
                row("unreadable workspace", () -> new WorkspaceException(WorkspaceException.Problem.UNREADABLE, Path.of("ws"), "damaged"), "UNAVAILABLE"),
                row("local DynamoDB not started", () -> new LocalDynamoException("node is not installed"), "UNAVAILABLE"),
                row("unreadable file", () -> new UncheckedIOException(new IOException("disk gone")), "UNAVAILABLE"),
                row("AWS SDK failure", () -> SdkClientException.create("connection reset"), "UNAVAILABLE"),
                row("bad attribute path", () -> new PathSyntaxException("a..b", 2, "empty segment"), "BAD_INPUT"),
                row("bad sample option", () -> thrownBy(() -> SampleRequest.of(1).withParallelism(0)), "BAD_INPUT"),
                row("bad Java package", () -> thrownBy(() -> GeneratorOptions.withJavaPackage("com.example.class")), "BAD_INPUT"),
                row("cancelled", () -> new CancelledException("the drift audit was cancelled"), "SAME"),
                row("use case refusal", () -> VeilException.badInput("no table 'nosuch'"), "SAME"),
                row("NullPointerException", NullPointerException::new, "BUG"),
                row("IllegalStateException", () -> new IllegalStateException("broken invariant"), "BUG"),
                row("IllegalArgumentException of a broken invariant", () -> new IllegalArgumentException("two decisions for one path"), "BUG"),
                row("ClassCastException", ClassCastException::new, "BUG"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("failures")
    void eachFailureKeepsTheKindSetWhereItHappenedAndVeilsOwnBugsPassThrough(
            String name, Supplier<RuntimeException> failure, String expected) {
        RuntimeException thrown = failure.get();
        Throwable seen = catchThrowable(() -> Failures.translate(() -> {
            throw thrown;
        }));

        switch (expected) {
            case "BUG", "SAME" -> assertThat(seen).isSameAs(thrown);
            default -> {
                assertThat(seen).isInstanceOf(VeilException.class).hasCause(thrown);
                if (thrown instanceof VeilFailure) {
                    assertThat(seen).hasMessage(thrown.getMessage());
                }
                assertThat(((VeilException) seen).kind()).isEqualTo(VeilFailure.Kind.valueOf(expected));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theSettingsAFailureAsksToChangeReachTheFace() {
        WorkspaceException thrown = new WorkspaceException(WorkspaceException.Problem.IN_USE,
                dev.veil.workspace.WorkspaceLocation.directory(Path.of("ws")), "workspace ws is in use; choose "
                + "another workspace directory", null, java.util.Set.of(dev.veil.model.Setting.WORKSPACE));

        Throwable seen = catchThrowable(() -> Failures.run(() -> {
            throw thrown;
        }));

        assertThat(((VeilException) seen).settings()).containsExactly(dev.veil.model.Setting.WORKSPACE);
    }

    private static Arguments row(String name, Supplier<RuntimeException> failure, String expected) {
        return Arguments.of(name, failure, expected);
    }

    private static RuntimeException thrownBy(Runnable check) {
        Throwable t = catchThrowable(check::run);
        assertThat(t).as("the check refuses the option").isInstanceOf(RuntimeException.class);
        return (RuntimeException) t;
    }

    private static DynamoAccessException dynamo(DynamoAccessException.Kind kind) {
        return new DynamoAccessException(kind, "DynamoDB said no", "http://127.0.0.1:1", Optional.of("users"), null);
    }

    private static ExportReadException export(ExportReadException.Kind kind) {
        return new ExportReadException(kind, "line 3 is not JSON", Optional.of(Path.of("data/a.json.gz")), OptionalLong.of(3), null);
    }
}
