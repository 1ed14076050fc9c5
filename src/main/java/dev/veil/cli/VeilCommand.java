package dev.veil.cli;

import dev.veil.app.VeilSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExitCodeGenerator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root {@code veil} command. Holds the global options; because they are inherited, picocli
 * accepts them on every subcommand, before or after its arguments, and stores them here.
 */
// The subcommands are added by VeilCommandLine, which builds only those a command line names.
@Command(name = "veil", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Veil stops DynamoDB services from leaking what clients must not see.",
            "Sample tables, classify every attribute, publish versioned policies, generate sanitizers "
                + "and audit schema drift. Without a command, Veil opens the console."},
        footer = {"", "Exit codes: 0 success, 1 findings at or above --fail-on (waived ones never count),",
            "2 bad usage or input (also a table that neither exists nor has a sample or a policy),",
            "3 DynamoDB, the workspace or a file could not be reached or read, 4 a bug in Veil."})
public final class VeilCommand implements Runnable, IExitCodeGenerator {
    private int exitCode = ExitCodes.OK;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    VeilCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The environment variables the command line sees. */
    Map<String, String> env() {
        return env;
    }

    @Option(names = "--endpoint", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "DynamoDB endpoint (default: $AWS_ENDPOINT_URL_DYNAMODB, else AWS).")
    String endpoint;

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
            description = "AWS region (default: the SDK's region chain).")
    String region;

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "PROFILE",
            description = "AWS named profile for credentials and region.")
    String profile;

    @Option(names = "--workspace", scope = ScopeType.INHERIT, paramLabel = "DIR|URL",
            description = "Workspace directory (default: $VEIL_WORKSPACE, else ~/.veil), or a team's shared "
                    + "workspace: jdbc:postgresql://HOST:PORT/DB?user=U (password in $PGPASSWORD).")
    String workspace;

    @Option(names = "--policies", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Policy store directory (default: $VEIL_POLICIES, else ./policies).")
    Path policies;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print no progress on stderr.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log what Veil does on stderr (VEIL_DEBUG=1 logs everything, libraries included).")
    boolean verbose;

    /** The options as given, for {@link VeilSettings#resolve}. */
    VeilSettings.Options options() {
        return new VeilSettings.Options(Optional.ofNullable(endpoint), Optional.ofNullable(region),
                Optional.ofNullable(profile), Optional.ofNullable(workspace), Optional.ofNullable(policies));
    }

    boolean quiet() {
        return quiet;
    }

    boolean verbose() {
        return verbose;
    }

    /** Without a command, Veil is the console. */
    @Override
    public void run() {
        if (!Console.available()) {
            spec.commandLine().usage(spec.commandLine().getErr());
            spec.commandLine().getErr().println();
            spec.commandLine().getErr().println("No display is available to open the console; run one of the commands above.");
            return;
        }
        try {
            exitCode = Console.open(VeilSettings.resolve(options(), env), false,
                    spec.commandLine().getParseResult().originalArgs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCode = ExitCodes.OK;
        }
    }

    /** The console's exit code when it ran in a second JVM (see {@link JavaFxModules}). */
    @Override
    public int getExitCode() {
        return exitCode;
    }
}
