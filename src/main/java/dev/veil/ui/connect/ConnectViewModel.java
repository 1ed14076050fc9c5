package dev.veil.ui.connect;

import dev.veil.app.VeilException;
import dev.veil.app.VeilSettings;
import dev.veil.ui.state.ConsoleState;
import dev.veil.ui.state.RecentConnection;
import dev.veil.ui.task.BackgroundTasks;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Connect screen: an AWS profile and region, or a custom endpoint; the recent connections;
 * the demo. It validates the form and hands a {@link ConnectionRequest} to whoever connects.
 */
public final class ConnectViewModel {

    /** Which half of the form is in use. */
    public enum Mode { AWS, ENDPOINT }

    /** Region offered for a custom endpoint: local emulators accept any. */
    static final String LOCAL_REGION = "us-east-1";

    private final BackgroundTasks tasks;
    private final AwsConfigFiles awsFiles;
    private final Consumer<ConnectionRequest> connector;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.AWS);
    private final ObservableList<AwsProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<AwsProfile> profile = new SimpleObjectProperty<>();
    private final ObservableList<String> regions = FXCollections.observableArrayList(AwsRegions.with(List.of()));
    private final StringProperty region = new SimpleStringProperty("");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty workspace = new SimpleStringProperty("");
    private final StringProperty policies = new SimpleStringProperty("");
    private final StringProperty defaultWorkspace = new SimpleStringProperty("");
    private final StringProperty defaultPolicies = new SimpleStringProperty("");
    private final StringProperty placesNote = new SimpleStringProperty("");
    private final ObservableList<RecentConnection> recent = FXCollections.observableArrayList();
    private final BooleanProperty connecting = new SimpleBooleanProperty();
    private final StringBinding problem;
    private final javafx.beans.property.BooleanProperty touched = new javafx.beans.property.SimpleBooleanProperty();
    private final BooleanBinding canConnect;

    public ConnectViewModel(BackgroundTasks tasks, AwsConfigFiles awsFiles, List<RecentConnection> recent,
                            Optional<String> initialRegion, Consumer<ConnectionRequest> connector) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.awsFiles = Objects.requireNonNull(awsFiles, "awsFiles");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.recent.setAll(recent);
        this.region.set(initialRegion.orElse(""));
        problem = Bindings.createStringBinding(this::currentProblem, mode, profile, region, endpoint, workspace,
                policies);
        javafx.beans.InvalidationListener touch = o -> touched.set(true);
        region.addListener(touch);
        endpoint.addListener(touch);
        canConnect = problem.isEmpty().and(connecting.not());
        profile.addListener((obs, old, now) -> {
            if (now != null && now.region().isPresent()
                    && (regionText().isBlank() || old == null || old.region().map(regionText()::equals).orElse(false))) {
                region.set(now.region().get());
            }
        });
        mode.addListener((obs, old, now) -> {
            if (now == Mode.ENDPOINT && regionText().isBlank()) {
                region.set(LOCAL_REGION);
            }
        });
        // Reconnecting to a connection used before reopens its workspace and policy store, in view.
        javafx.beans.InvalidationListener recall = o -> recallPlaces();
        mode.addListener(recall);
        profile.addListener(recall);
        region.addListener(recall);
        endpoint.addListener(recall);
    }

    /**
     * Shows where the start-up settings keep the workspace and the policy store, for the form's
     * empty fields.
     */
    public void showDefaults(VeilSettings base) {
        defaultWorkspace.set(base.workspace().toString());
        defaultPolicies.set(base.policies().toString());
    }

    private void recallPlaces() {
        Optional<RecentConnection> target = formTarget();
        Optional<RecentConnection> known = target.flatMap(t -> recent.stream().filter(t::sameTarget).findFirst());
        if (known.isPresent()) {
            workspace.set(known.get().workspace().orElse(""));
            policies.set(known.get().policies().orElse(""));
            placesNote.set(known.get().workspace().isPresent() || known.get().policies().isPresent()
                    ? "The workspace and policy store last used with this connection." : "");
        } else {
            placesNote.set("");
        }
    }

    // What the form names as a recent connection would, if it is complete enough to compare.
    private Optional<RecentConnection> formTarget() {
        Optional<String> r = Optional.of(regionText().strip()).filter(x -> !x.isEmpty());
        if (mode.get() == Mode.ENDPOINT) {
            try {
                return Optional.of(RecentConnection.endpoint(parseEndpoint(endpoint.get()), r));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.of(RecentConnection.aws(Optional.ofNullable(profile.get()).map(AwsProfile::name), r));
    }

    private ConnectionRequest.Places places() {
        return new ConnectionRequest.Places(nonBlank(workspace.get()), nonBlank(policies.get()));
    }

    private static Optional<String> nonBlank(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty());
    }

    /** Reads the AWS config files in the background and fills the profile and region lists. */
    public void loadProfiles() {
        tasks.submit("Reading AWS profiles", (progress, cancel) -> awsFiles.profiles(), this::setProfiles);
    }

    void setProfiles(List<AwsProfile> found) {
        profiles.setAll(found);
        regions.setAll(AwsRegions.with(found.stream().flatMap(p -> p.region().stream()).toList()));
        if (profile.get() == null && !found.isEmpty()) {
            profile.set(found.get(0));
        }
    }

    private String currentProblem() {
        if (mode.get() == Mode.ENDPOINT) {
            if (Objects.toString(endpoint.get(), "").isBlank()) {
                return "Enter the endpoint URL, such as http://localhost:8000.";
            }
            try {
                parseEndpoint(endpoint.get());
            } catch (VeilException e) {
                return capitalise(e.getMessage()) + ".";
            }
        }
        Optional<String> workspaceProblem = nonBlank(workspace.get()).flatMap(VeilSettings::workspaceProblem);
        if (workspaceProblem.isPresent()) {
            return capitalise(workspaceProblem.get()) + ".";
        }
        Optional<String> policiesProblem = nonBlank(policies.get()).flatMap(ConnectViewModel::policiesProblem);
        if (policiesProblem.isPresent()) {
            return policiesProblem.get();
        }
        if (regionText().isBlank()) {
            return "Choose a region" + Optional.ofNullable(profile.get()).filter(p -> mode.get() == Mode.AWS)
                    .map(p -> ": profile '" + p.name() + "' sets none.").orElse(".");
        }
        return "";
    }

    /** Connects with what the form says; does nothing while the form has a problem. */
    public void connect() {
        if (!canConnect.get()) {
            return;
        }
        Optional<String> r = Optional.of(regionText().strip());
        connector.accept(mode.get() == Mode.ENDPOINT
                ? new ConnectionRequest.Endpoint(parseEndpoint(endpoint.get()), r, places())
                : new ConnectionRequest.Aws(Optional.ofNullable(profile.get()).map(AwsProfile::name), r, places()));
    }

    private static Optional<String> policiesProblem(String text) {
        try {
            Path p = Path.of(text);
            return Files.exists(p) && !Files.isDirectory(p)
                    ? Optional.of("The policy store " + p + " is a file; choose a folder.")
                    : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.of("The policy store '" + text + "' is not a folder name (" + e.getReason() + ").");
        }
    }

    /** Fills the form from a recent connection and connects with it. */
    public void connectRecent(RecentConnection c) {
        workspace.set(c.workspace().orElse(""));
        policies.set(c.policies().orElse(""));
        region.set(c.region().orElse(""));
        if (c.endpoint().isPresent()) {
            mode.set(Mode.ENDPOINT);
            endpoint.set(c.endpoint().get());
        } else {
            mode.set(Mode.AWS);
            profile.set(c.profile().flatMap(this::profileNamed).orElse(null));
        }
        connect();
    }

    /** Starts the local demo: one click, nothing to fill in. */
    public void openDemo() {
        if (!connecting.get()) {
            connector.accept(new ConnectionRequest.Demo());
        }
    }

    /** Remembers a connection that worked, newest first. */
    public void remember(RecentConnection c) {
        recent.removeIf(c::sameTarget);
        recent.add(0, c);
        if (recent.size() > ConsoleState.MAX_RECENT) {
            recent.remove(ConsoleState.MAX_RECENT, recent.size());
        }
    }

    /** An editable combo box writes null when emptied; the form treats that as blank. */
    private String regionText() {
        return Objects.toString(region.get(), "");
    }

    private Optional<AwsProfile> profileNamed(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static URI parseEndpoint(String text) {
        VeilSettings.Options o = new VeilSettings.Options(Optional.of(text.strip()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        return VeilSettings.resolve(o, Map.of()).endpoint().orElseThrow();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ObservableList<AwsProfile> profiles() {
        return FXCollections.unmodifiableObservableList(profiles);
    }

    public ObjectProperty<AwsProfile> profileProperty() {
        return profile;
    }

    public ObservableList<String> regions() {
        return FXCollections.unmodifiableObservableList(regions);
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    /** The workspace typed or chosen for this connection: a folder or a shared database URL; blank for the default. */
    public StringProperty workspaceProperty() {
        return workspace;
    }

    /** The policy store folder chosen for this connection; blank for the default. */
    public StringProperty policiesProperty() {
        return policies;
    }

    /** Where the workspace is when none is chosen. */
    public StringProperty defaultWorkspaceProperty() {
        return defaultWorkspace;
    }

    /** Where the policy store is when none is chosen. */
    public StringProperty defaultPoliciesProperty() {
        return defaultPolicies;
    }

    /** Says when the workspace fields were filled from a connection used before; empty otherwise. */
    public StringProperty placesNoteProperty() {
        return placesNote;
    }

    public ObservableList<RecentConnection> recent() {
        return FXCollections.unmodifiableObservableList(recent);
    }

    /** True while a connection attempt runs; the main view model sets it. */
    public BooleanProperty connectingProperty() {
        return connecting;
    }

    /** What is wrong with the form, empty when it can connect. */
    /** True once the steward changed the region or endpoint: before that no problem is shown. */
    public javafx.beans.property.BooleanProperty touchedProperty() {
        return touched;
    }

    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }
}
