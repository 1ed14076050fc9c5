package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.app.CancelledException;
import dev.veil.app.VeilException;
import dev.veil.model.PathSyntaxException;
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
                Arguments.of(new NullPointerException("table"), ExitCodes.INTERNAL),
                Arguments.of(new IllegalStateException("broken invariant"), ExitCodes.INTERNAL),
                Arguments.of(new IllegalArgumentException("two decisions for one path"), ExitCodes.INTERNAL),
                Arguments.of(new ArrayIndexOutOfBoundsException(3), ExitCodes.INTERNAL),
                Arguments.of(new SomeOtherFailure(), ExitCodes.INTERNAL));
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
