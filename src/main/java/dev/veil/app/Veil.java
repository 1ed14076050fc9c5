package dev.veil.app;

import dev.veil.dynamo.ConnectionSettings;
import dev.veil.dynamo.DynamoClients;
import dev.veil.policy.PolicyStore;
import dev.veil.work.Progress;
import dev.veil.work.ProgressListener;
import dev.veil.workspace.WaitListener;
import dev.veil.workspace.Workspace;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The entry to every use case, shared by the console and the command line. Opens DynamoDB, the
 * workspace and the policy store lazily, only when a use case needs them, and closes them
 * together. Thread-safe: the console runs use cases on background threads.
 */
public final class Veil implements AutoCloseable {

    private final VeilSettings settings;
    private final ProgressListener notices;
    // One lock each: building the SDK client may wait on instance metadata for a region while
    // another thread opens the workspace (an export's key lookup runs beside it).
    private final Object dynamoLock = new Object();
    private final Object workspaceLock = new Object();
    private DynamoDbClient dynamo;
    private Workspace workspace;

    private Veil(VeilSettings settings, ProgressListener notices) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /** A Veil over {@code settings}; nothing is opened until a use case needs it. */
    public static Veil open(VeilSettings settings) {
        return new Veil(settings, ProgressListener.NONE);
    }

    /**
     * A Veil over {@code settings} that tells {@code notices} when opening the workspace waits long
     * for other processes (a line for stderr or a status bar).
     */
    public static Veil open(VeilSettings settings, ProgressListener notices) {
        return new Veil(settings, notices);
    }

    public VeilSettings settings() {
        return settings;
    }

    /** Tables of the account, with what Veil knows of each. */
    public TableListing tables() {
        return new TableListing(this);
    }

    /** Sampling tables and exports into profiles. */
    public Sampling sampling() {
        return new Sampling(this);
    }

    /** Reviewers' decisions, suggestions and the audit log. */
    public Reviewing reviewing() {
        return new Reviewing(this);
    }

    /** Review, tagging and ownership of the entities of single-table designs. */
    public EntityReviewing entities() {
        return new EntityReviewing(this);
    }

    /** A steward's corrections of the entities Veil found: rename, merge, split, pick the marker. */
    public EntityEditing entityEditing() {
        return new EntityEditing(this);
    }

    /** Publishing, reading, comparing and validating policies. */
    public Publishing publishing() {
        return new Publishing(this);
    }

    /** Generated sanitizers and projections for service repositories. */
    public Exporting exporting() {
        return new Exporting(this);
    }

    /** Waivers of drift findings, in the policy store. */
    public Waiving waiving() {
        return new Waiving(this, java.time.Clock.systemUTC());
    }

    /** Drift audits. */
    public DriftAuditing drift() {
        return new DriftAuditing(this);
    }

    /** The rule every command naming a table applies: it must exist, have a sample, or have a policy. */
    KnownTables knownTables() {
        return new KnownTables(this);
    }

    DynamoDbClient dynamo() {
        synchronized (dynamoLock) {
            if (dynamo == null) {
                dynamo = Failures.translate(() -> DynamoClients.create(connectionSettings()));
            }
            return dynamo;
        }
    }

    /** The DynamoDB connection the settings describe (S3 shares its region and profile). */
    ConnectionSettings connectionSettings() {
        return new ConnectionSettings(settings.endpoint(), settings.region(), settings.profile());
    }

    Workspace workspace() {
        synchronized (workspaceLock) {
            if (workspace == null) {
                workspace = Failures.translate(() -> Workspace.open(settings.workspace(), waitNotice()));
            }
            return workspace;
        }
    }

    private WaitListener waitNotice() {
        return (location, waited, patience) -> notices.onProgress(new Progress(0, 0, "Waiting for workspace "
                + location + ": other Veil processes are opening or handing it over (waited " + waited.toSeconds()
                + " s; waiting up to " + patience.toSeconds() + " s, nothing is lost meanwhile)"));
    }

    /** The corrections of {@code table}'s entities in force. */
    EntityCorrections entityCorrections(String table) {
        return Failures.translate(() -> EntityCorrections.of(workspace().corrections(java.util.Optional.of(table))));
    }

    /** The latest stored profile of {@code table}, its entities as the steward's corrections name them. */
    java.util.Optional<dev.veil.model.TableProfile> latestProfile(String table) {
        return Failures.translate(() -> workspace().latestProfile(table)).map(entityCorrections(table)::apply);
    }

    PolicyStore policyStore() {
        return new PolicyStore(settings.policies());
    }

    @Override
    public void close() {
        synchronized (dynamoLock) {
            if (dynamo != null) {
                dynamo.close();
                dynamo = null;
            }
        }
        synchronized (workspaceLock) {
            if (workspace != null) {
                Workspace closing = workspace;
                workspace = null;
                Failures.run(closing::close);
            }
        }
    }
}
