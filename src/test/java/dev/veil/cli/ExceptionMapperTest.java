package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.app.CancelledException;
import dev.veil.app.VeilException;
import dev.veil.codegen.GeneratorOptions;
import dev.veil.demo.LocalDynamoException;
import dev.veil.dynamo.DynamoAccessException;
import dev.veil.dynamo.ExportReadException;
import dev.veil.dynamo.SampleRequest;
import dev.veil.model.PathSyntaxException;
import dev.veil.policy.PolicyFormatException;
import dev.veil.policy.PolicyStoreException;
import dev.veil.workspace.WorkspaceException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The one exception-to-exit-code table of the command line. */
class ExceptionMapperTest {

    static Stream<Arguments> exceptions() {
        return Stream.of(
                Arguments.of(VeilException.badInput("no table 'nosuch'"), ExitCodes.BAD_INPUT),
                Arguments.of(VeilException.unavailable("DynamoDB did not answer", null), ExitCodes.UNAVAILABLE),
                Arguments.of(new PathSyntaxException("a..b", 2, "empty segment"), ExitCodes.BAD_INPUT),
                Arguments.of(new CancelledException("the drift audit was cancelled"), ExitCodes.UNAVAILABLE),
                Arguments.of(dynamo(DynamoAccessException.Kind.NOT_FOUND), ExitCodes.BAD_INPUT),
                Arguments.of(dynamo(DynamoAccessException.Kind.INVALID), ExitCodes.BAD_INPUT),
                Arguments.of(dynamo(DynamoAccessException.Kind.UNREACHABLE), ExitCodes.UNAVAILABLE),
                Arguments.of(dynamo(DynamoAccessException.Kind.ACCESS_DENIED), ExitCodes.UNAVAILABLE),
                Arguments.of(dynamo(DynamoAccessException.Kind.THROTTLED), ExitCodes.UNAVAILABLE),
                Arguments.of(export(ExportReadException.Kind.NOT_AN_EXPORT), ExitCodes.BAD_INPUT),
                Arguments.of(export(ExportReadException.Kind.MALFORMED), ExitCodes.BAD_INPUT),
                Arguments.of(export(ExportReadException.Kind.UNSUPPORTED), ExitCodes.BAD_INPUT),
                Arguments.of(export(ExportReadException.Kind.UNREADABLE), ExitCodes.UNAVAILABLE),
                Arguments.of(new PolicyFormatException("users/v1.json", 3, 5, "not JSON", "restore it"), ExitCodes.BAD_INPUT),
                Arguments.of(new PolicyStoreException(Path.of("policies"), "cannot read", null), ExitCodes.UNAVAILABLE),
                Arguments.of(new WorkspaceException(WorkspaceException.Problem.BUSY, Path.of("ws"), "locked"), ExitCodes.UNAVAILABLE),
                Arguments.of(new LocalDynamoException("node is not installed"), ExitCodes.UNAVAILABLE),
                Arguments.of(refused(() -> SampleRequest.of(1).withParallelism(0)), ExitCodes.BAD_INPUT),
                Arguments.of(refused(() -> GeneratorOptions.withJavaPackage("com.example.class")), ExitCodes.BAD_INPUT),
                Arguments.of(new NullPointerException("table"), ExitCodes.INTERNAL),
                Arguments.of(new IllegalStateException("broken invariant"), ExitCodes.INTERNAL),
                Arguments.of(new IllegalArgumentException("two decisions for one path"), ExitCodes.INTERNAL),
                Arguments.of(new ArrayIndexOutOfBoundsException(3), ExitCodes.INTERNAL),
                Arguments.of(new SomeOtherFailure(), ExitCodes.INTERNAL));
    }

    private static DynamoAccessException dynamo(DynamoAccessException.Kind kind) {
        return new DynamoAccessException(kind, "DynamoDB said no", "http://127.0.0.1:1", Optional.of("users"), null);
    }

    private static ExportReadException export(ExportReadException.Kind kind) {
        return new ExportReadException(kind, "line 3 is not JSON", Optional.of(Path.of("a.json.gz")), OptionalLong.of(3), null);
    }

    /** What a real option check throws for the option it refuses. */
    private static Exception refused(Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the option was accepted");
    }

    /** Any other exception type a bug could throw. */
    static final class SomeOtherFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("exceptions")
    void eachExceptionHasItsExitCode(Exception ex, int code) {
        Captured c = handle(ex, Map.of());

        assertThat(c.code).isEqualTo(code);
        assertThat(c.err).startsWith("veil: ");
        if (code == ExitCodes.INTERNAL) {
            assertThat(c.err).contains("This is a bug in Veil", "report it", "VEIL_DEBUG=1");
        } else {
            assertThat(c.err).doesNotContain("bug").contains(ex.getMessage());
        }
    }

    @Test
    void aBadInputOfTheApplicationGetsTheOptionThatSetsItAsAHint() {
        Captured c = handle(VeilException.badInput(dev.veil.app.Input.ITEMS, "the number of items to sample must be at least 1, was 0"), Map.of());

        assertThat(c.code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(c.err).contains("must be at least 1, was 0 (set it with --items N)");
    }

    @Test
    void aFailureAskingForAnotherWorkspaceGetsTheOptionAndVariableAsAHint() {
        Captured c = handle(new WorkspaceException(WorkspaceException.Problem.UNREADABLE,
                dev.veil.workspace.WorkspaceLocation.directory(Path.of("ws")), "cannot use ws as the workspace; "
                + "choose another workspace directory", null, java.util.Set.of(dev.veil.model.Setting.WORKSPACE)),
                Map.of());

        assertThat(c.code).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(c.err).contains("choose another workspace directory (the workspace is --workspace DIR or "
                + "VEIL_WORKSPACE)");
    }

    @Test
    void aFailureAskingForTwoSettingsGetsBothHintsInTheirOrder() {
        Captured c = handle(new DynamoAccessException(DynamoAccessException.Kind.NOT_FOUND, "Table 't' does not "
                + "exist; check the endpoint and region.", "http://localhost:1", Optional.of("t"), null,
                java.util.Set.of(dev.veil.model.Setting.REGION, dev.veil.model.Setting.ENDPOINT)), Map.of());

        assertThat(c.err).contains("(the endpoint is --endpoint URL", "; the region is --region or AWS_REGION)");
    }

    @Test
    void veilDebugInTheInjectedEnvironmentAddsTheStackTrace() {
        assertThat(handle(new NullPointerException("table"), Map.of("VEIL_DEBUG", "1")).err)
                .contains("java.lang.NullPointerException: table", "\tat ");
        assertThat(handle(new NullPointerException("table"), Map.of()).err).doesNotContain("\tat ");
    }

    private record Captured(int code, String err) {
    }

    private static Captured handle(Exception ex, Map<String, String> env) {
        StringWriter err = new StringWriter();
        CommandLine cl = VeilCommandLine.create(new PrintWriter(new StringWriter()), new PrintWriter(err), env);
        int code = new ExceptionMapper().handleExecutionException(ex, cl.getSubcommands().get("drift"), null);
        return new Captured(code, err.toString());
    }
}
