package dev.veil.app;

import dev.veil.dynamo.DynamoAccessException;
import dev.veil.dynamo.ExportLocation;
import dev.veil.dynamo.ExportSource;
import dev.veil.dynamo.SampleRequest;
import dev.veil.dynamo.SampleResult;
import dev.veil.dynamo.TableCatalog;
import dev.veil.dynamo.TableSampler;
import dev.veil.inference.ProfileAccumulator;
import dev.veil.inference.entity.DeclaredKinds;
import dev.veil.inference.entity.EntityAccumulator;
import dev.veil.inference.entity.Markers;
import dev.veil.inference.detect.LeaningDetector;
import dev.veil.inference.detect.ValueDetectors;
import dev.veil.inference.suggest.SuggestionEngine;
import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.EntityProfile;
import dev.veil.model.Policy;
import dev.veil.model.SampleCoverage;
import dev.veil.model.Suggestion;
import dev.veil.model.TableInfo;
import dev.veil.model.TableProfile;
import dev.veil.policy.PolicyStore;
import dev.veil.work.Cancellation;
import dev.veil.work.ProgressListener;
import dev.veil.workspace.ProfileFile;
import dev.veil.workspace.SampleRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Samples a table (or reads an export of it), profiles every attribute, stores the profile as a
 * sampling run in the workspace and returns it with fresh suggestions.
 */
public final class Sampling {

    private final Veil veil;

    Sampling(Veil veil) {
        this.veil = veil;
    }

    /** Samples a live table. */
    public SampleOutcome sample(SampleOptions options, ProgressListener progress, Cancellation cancel) {
        return Failures.translate(() -> options.fromExport().isPresent()
                ? sampleExport(options, options.fromExport().get(), progress, cancel)
                : sampleTable(options, progress, cancel));
    }

    private SampleOutcome sampleTable(SampleOptions options, ProgressListener progress, Cancellation cancel) {
        TableInfo info = new TableCatalog(veil.dynamo()).describe(options.table());
        // One entity accumulator per segment, beside no other: the table's profile is the merge of its kinds.
        DeclaredKinds declared = declared(options.table());
        SegmentProfiles profiles = new SegmentProfiles(options.untilStable(), Optional.of(() -> new EntityAccumulator(
                ValueDetectors.standard(), Optional.of(info.keySchema()), Markers.with(options.markers()), declared)));
        // Stopping for a stable profile is not a cancel: the sampler stops, the caller's token stays as it was.
        Cancellation stop = Cancellation.linkedTo(cancel);
        SampleRequest request = SampleRequest.of(options.items());
        if (options.maxRcu().isPresent()) {
            request = request.withMaxRcu(options.maxRcu().getAsDouble());
        }
        SampleResult result;
        try {
            result = new TableSampler(veil.dynamo()).sample(info, request, (segment, item) -> {
                if (profiles.add(segment, item)) {
                    stop.cancel();
                }
            }, progress, stop);
        } catch (DynamoAccessException e) {
            // A partial sample would look like a complete one later: keep none of it.
            throw new VeilException(e.kind().isBadInput() ? VeilException.Kind.BAD_INPUT
                    : VeilException.Kind.UNAVAILABLE, e.getMessage() + " Nothing was stored in the workspace.", e);
        }
        if (result.cancelled() || cancel.isRequested()) {
            throw new CancelledException("sampling " + options.table() + " was cancelled; nothing was stored");
        }
        EntityAccumulator kinds = profiles.mergedKinds().orElseThrow();
        ProfileAccumulator profile = kinds.table();
        SampleCoverage coverage = result.coverage(profile.pathsSeenOnce(), profile.unseenPathEstimate(),
                options.untilStable() && profiles.isStable());
        TableProfile tableProfile = profile.toProfile(options.table(), "table", Instant.now(),
                Optional.of(info.keySchema()), coverage).withIndexes(info.indexes()).withEntities(kinds.entities());
        return store(tableProfile, settingsOf(options, result.consumedCapacity()));
    }

    private SampleOutcome sampleExport(SampleOptions options, ExportLocation location, ProgressListener progress,
                                       Cancellation cancel) {
        // The live table is asked for its keys while the export's manifests are read and the workspace opened.
        try (ExportKeys.Lookup lookup = ExportKeys.start(options.table(), options.givenKeys(),
                () -> new TableCatalog(veil.dynamo()));
             ExportSource source = ExportSource.open(location, veil.connectionSettings())) {
            long limit = options.items() == SampleOptions.ALL ? ExportProfiling.ALL : options.items();
            DeclaredKinds declared = declaredBesideTheWorkspace(options.table());
            ExportKeys keys = lookup.finish(veil.workspace());
            ExportProfiling.Result result = ExportProfiling.onEveryCore().profile(source, limit, options.untilStable(),
                    () -> ExportProfiling.newKinds(keys.schema(), options.markers(), declared), progress, cancel);
            TableProfile tableProfile = ExportProfiling.tableProfile(options.table(), location,
                    result.accumulator(), result.stable()).withEntities(result.kinds().entities());
            Map<String, String> settings = settingsOf(options, 0);
            settings.put("exportFiles", String.valueOf(source.layout().dataFiles().size()));
            settings.put("keySchemaFrom", keys.origin().name().toLowerCase(Locale.ROOT));
            return store(tableProfile, settings, List.of(keys.note()));
        }
    }

    /**
     * Stores a profile file written by the Spark job as a sampling run of {@code table}, exactly
     * as if this process had read the export.
     */
    public SampleOutcome importProfile(String table, Path file) {
        return Failures.translate(() -> {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw VeilException.badInput("There is no profile file " + file + ". Give the file the Spark job "
                        + "(dev.veil.spark.ProfileExport) wrote.");
            } catch (IOException e) {
                throw VeilException.unavailable("Cannot read " + file + " (" + e.getMessage()
                        + "). Check that the file exists and is readable.", e);
            }
            TableProfile read = ProfileFile.read(text, file.toString());
            TableProfile renamed = new TableProfile(table, read.source(), read.sampledAt(), read.itemsSampled(),
                    read.keySchema(), read.attributes(), read.coverage(), read.indexes(), read.entities());
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("fromProfile", file.toAbsolutePath().toString());
            return store(renamed, settings);
        });
    }

    /** Stores what {@link Disclosure} lets leave the accumulator, never the raw profile. */
    private SampleOutcome store(TableProfile raw, Map<String, String> settings) {
        return store(raw, settings, List.of());
    }

    /**
     * The kinds a sample classifies by before guessing: the latest {@code veil-policy/2} version's
     * entities and the steward's corrections, so a new sample of a governed table pairs with them.
     */
    private DeclaredKinds declared(String table) {
        return veil.entityCorrections(table).declared(latestPolicy(table));
    }

    /**
     * {@link #declared}, with the table's policy read and the detectors built (libphonenumber's
     * plans and the credential formats: a few tenths of a second before the first item) on
     * threads of their own while this one opens the workspace. Both are joined before anything
     * of the inference is touched here. Errors surface in the same order as in {@link #declared}:
     * the workspace's first, then the policy's.
     */
    private DeclaredKinds declaredBesideTheWorkspace(String table) {
        Beside<Optional<Policy>> policy = Beside.start("veil-policy", () -> latestPolicy(table));
        Beside<List<LeaningDetector>> detectors = Beside.start("veil-detectors", ValueDetectors::catalog);
        EntityCorrections corrections = veil.entityCorrections(table);
        Optional<Policy> latest = policy.join();
        detectors.join();
        return corrections.declared(latest);
    }

    private Optional<Policy> latestPolicy(String table) {
        // An export may be profiled under a name no table (and so no policy) can have.
        return PolicyStore.canHold(table) ? veil.policyStore().latest(table) : Optional.empty();
    }

    private SampleOutcome store(TableProfile sampled, Map<String, String> settings, List<String> notes) {
        TableProfile raw = veil.entityCorrections(sampled.table()).apply(sampled);
        Map<AttributePath, Suggestion> suggestions = SuggestionEngine.standard().suggest(raw);
        Map<AttributePath, Classification> decided = new HashMap<>();
        veil.workspace().decisions(raw.table()).forEach(d -> decided.put(d.path(), d.classification()));
        Map<String, Map<AttributePath, Suggestion>> byEntity = new LinkedHashMap<>();
        for (EntityProfile e : raw.entities()) {
            byEntity.put(e.name(), SuggestionEngine.standard().suggest(EntityViews.asTable(raw, e)));
        }
        TableProfile profile = Disclosure.apply(raw, suggestions, p -> Optional.ofNullable(decided.get(p)), byEntity);
        SampleRun run = veil.workspace().saveRun(profile, settings);
        return new SampleOutcome(profile, suggestions, byEntity, run.id(), notes);
    }

    private static Map<String, String> settingsOf(SampleOptions options, double consumedCapacity) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("items", String.valueOf(options.items()));
        s.put("untilStable", String.valueOf(options.untilStable()));
        options.maxRcu().ifPresent(r -> s.put("maxRcu", String.valueOf(r)));
        options.fromExport().ifPresent(p -> s.put("fromExport", p.describe()));
        if (!options.keys().isEmpty()) {
            s.put("keys", String.join(",", options.keys()));
        }
        s.put("consumedCapacity", String.valueOf(consumedCapacity));
        return s;
    }
}
