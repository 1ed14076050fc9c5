package dev.veil.app;

import dev.veil.workspace.WorkspaceLocation;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Veil reads and writes: the DynamoDB connection, the workspace (a directory, or a shared
 * PostgreSQL database) and the policy store. {@link #resolve} applies the fallbacks of DESIGN.md:
 * an explicit option, else the environment ({@code AWS_ENDPOINT_URL_DYNAMODB}, {@code VEIL_WORKSPACE},
 * {@code VEIL_POLICIES}; {@code PGPASSWORD} for a shared workspace), else the defaults (AWS
 * itself, {@code ~/.veil}, {@code ./policies}).
 */
public record VeilSettings(Optional<URI> endpoint, Optional<String> region, Optional<String> profile,
                           WorkspaceLocation workspace, Path policies) {

    public VeilSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(policies, "policies");
    }

    /** Settings with a workspace directory. */
    public VeilSettings(Optional<URI> endpoint, Optional<String> region, Optional<String> profile,
                        Path workspace, Path policies) {
        this(endpoint, region, profile, WorkspaceLocation.directory(workspace), policies);
    }

    /** Options as the user gave them; empty where not given. */
    public record Options(Optional<String> endpoint, Optional<String> region, Optional<String> profile,
                          Optional<String> workspace, Optional<Path> policies) {
        public static Options none() {
            return new Options(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** Applies explicit options, then the environment, then the defaults. */
    public static VeilSettings resolve(Options options, Map<String, String> env) {
        Optional<URI> endpoint = options.endpoint().or(() -> nonBlank(env.get("AWS_ENDPOINT_URL_DYNAMODB")))
                .map(VeilSettings::parseEndpoint);
        WorkspaceLocation workspace = options.workspace().or(() -> nonBlank(env.get("VEIL_WORKSPACE")))
                .map(text -> parseWorkspace(text, env))
                .orElseGet(() -> WorkspaceLocation.directory(defaultFolder()));
        Path policies = options.policies().or(() -> nonBlank(env.get("VEIL_POLICIES")).map(Path::of))
                .orElseGet(() -> Path.of("policies"));
        return new VeilSettings(endpoint, options.region().or(() -> nonBlank(env.get("AWS_REGION"))),
                options.profile(), workspace, policies.toAbsolutePath().normalize());
    }

    /** A copy using another workspace directory. */
    public VeilSettings withWorkspace(Path newWorkspace) {
        return new VeilSettings(endpoint, region, profile, newWorkspace, policies);
    }

    /**
     * A copy using the workspace (a folder or a shared database URL) and the policy store chosen
     * for a connection, each kept where none was chosen; {@code env} supplies {@code PGPASSWORD}.
     */
    public VeilSettings withPlaces(Optional<String> chosenWorkspace, Optional<Path> chosenPolicies,
                                   Map<String, String> env) {
        WorkspaceLocation w = chosenWorkspace.filter(t -> !t.isBlank()).map(t -> parseWorkspace(t.strip(), env))
                .orElse(workspace);
        Path p = chosenPolicies.map(x -> x.toAbsolutePath().normalize()).orElse(policies);
        return new VeilSettings(endpoint, region, profile, w, p);
    }

    /**
     * What is wrong with a workspace the steward typed (a folder, or a shared database URL), empty
     * when it can be opened as such.
     */
    public static Optional<String> workspaceProblem(String text) {
        try {
            WorkspaceLocation.parse(text.strip(), Optional.empty());
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * A workspace the steward typed, as it may be remembered: a shared database URL without its
     * password (that comes from {@code PGPASSWORD} or is typed again), a folder as it is.
     */
    public static String rememberableWorkspace(String text) {
        return WorkspaceLocation.withoutPassword(text);
    }

    /**
     * The folder on this machine for what belongs to this machine (the console's window state, the
     * demo's own workspace): the workspace directory, or {@code ~/.veil} for a shared workspace.
     */
    public Path localFolder() {
        return workspace instanceof WorkspaceLocation.Directory d ? d.path() : defaultFolder();
    }

    /**
     * The settings of the local demo at {@code endpoint}, for both faces: the demo keeps its
     * profiles and decisions in {@link #demoFolder()}, apart from real ones, and the policies
     * where these settings keep them.
     */
    public VeilSettings forDemo(URI demoEndpoint) {
        return new VeilSettings(Optional.of(demoEndpoint), region.or(() -> Optional.of("us-east-1")), Optional.empty(),
                WorkspaceLocation.directory(demoFolder()), policies);
    }

    /** The demo's workspace: {@code demo} in the local folder (a local folder named {@code demo} is used as is). */
    public Path demoFolder() {
        Path local = localFolder();
        return local.endsWith("demo") ? local : local.resolve("demo");
    }

    private static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), ".veil").toAbsolutePath().normalize();
    }

    private static WorkspaceLocation parseWorkspace(String text, Map<String, String> env) {
        try {
            return WorkspaceLocation.parse(text, Optional.ofNullable(env.get("PGPASSWORD")));
        } catch (IllegalArgumentException e) {
            throw VeilException.badInput(e.getMessage());
        }
    }

    /** A copy pointing at another endpoint (the demo's local DynamoDB). */
    public VeilSettings withEndpoint(URI newEndpoint) {
        return new VeilSettings(Optional.of(newEndpoint), region, profile, workspace, policies);
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    private static URI parseEndpoint(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw VeilException.badInput("endpoint '" + text + "' is not an http(s) URL; "
                        + "write it like http://localhost:8000 or https://dynamodb.eu-west-1.amazonaws.com");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw VeilException.badInput("endpoint '" + text + "' is not a URL (" + e.getReason()
                    + "); write it like http://localhost:8000");
        }
    }
}
