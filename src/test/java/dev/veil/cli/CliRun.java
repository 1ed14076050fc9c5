package dev.veil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@code veil} command line in-process against one endpoint, workspace and policy store,
 * exactly as the jar would, and captures what it prints.
 */
final class CliRun {

    /** What a run printed and returned. */
    record Result(int exitCode, String out, String err) {
        /** This result, after checking that the command succeeded (a setup step that fails says why). */
        Result ok() {
            if (exitCode != ExitCodes.OK) {
                throw new AssertionError("expected exit code 0, was " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err);
            }
            return this;
        }

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException("stdout is not one JSON document:\n" + out + "\nstderr:\n" + err, e);
            }
        }
    }

    private final URI endpoint;
    private final String workspace;
    private final Path policies;

    CliRun(URI endpoint, Path workspace, Path policies) {
        this(endpoint, workspace.toString(), policies);
    }

    /** Against a workspace given as on the command line: a directory or a PostgreSQL URL. */
    CliRun(URI endpoint, String workspace, Path policies) {
        this.endpoint = endpoint;
        this.workspace = workspace;
        this.policies = policies;
    }

    /** Runs {@code veil ARGS --endpoint … --workspace … --policies …}. */
    Result veil(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", endpoint.toString(), "--workspace", workspace,
                "--policies", policies.toString()));
        return raw(all.toArray(String[]::new));
    }

    /** Runs {@code veil ARGS} with nothing added. */
    static Result raw(String... args) {
        return withEnvironment(Map.of(), args);
    }

    /** Runs {@code veil ARGS} with nothing added, seeing {@code env} as its environment. */
    static Result withEnv(Map<String, String> env, String... args) {
        return withEnvironment(env, args);
    }

    /** Runs {@code veil ARGS} with nothing added, seeing {@code env} as its environment. */
    static Result withEnvironment(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // the subcommands the jar builds for these arguments, as VeilCommandLine.forArguments does
        int code = VeilCommandLine.create(new PrintWriter(out, true), new PrintWriter(err, true), env,
                VeilCommandLine.named(args)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
