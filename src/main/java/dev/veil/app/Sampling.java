package dev.veil.app;

import dev.veil.dynamo.DynamoAccessException;
import dev.veil.dynamo.ExportReader;
import dev.veil.dynamo.ExportResult;
import dev.veil.dynamo.SampleRequest;
import dev.veil.dynamo.SampleResult;
import dev.veil.dynamo.TableCatalog;
import dev.veil.dynamo.TableSampler;
import dev.veil.inference.ProfileAccumulator;
import dev.veil.inference.StabilityTracker;
import dev.veil.inference.detect.ValueDetectors;
import dev.veil.inference.suggest.SuggestionEngine;
import dev.veil.model.AttributePath;
import dev.veil.model.SampleCoverage;
import dev.veil.model.Suggestion;
import dev.veil.model.TableInfo;
import dev.veil.model.TableProfile;
import dev.veil.workspace.SampleRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
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
        ProfileAccumulator profile = new ProfileAccumulator(ValueDetectors.standard());
        StabilityTracker stability = new StabilityTracker();
        Object lock = new Object();
        SampleRequest request = SampleRequest.of(options.items());
        if (options.maxRcu().isPresent()) {
            request = request.withMaxRcu(options.maxRcu().getAsDouble());
        }
        SampleResult result;
        try {
            result = new TableSampler(veil.dynamo()).sample(options.table(), request,
                    (segment, item) -> {
                        synchronized (lock) {
                            profile.add(item);
                            stability.observe(profile);
                        }
                    },
                    p -> progress.onProgress(new Progress(p.itemsRead(), p.budget(), String.format(
                            "%,d of %,d items from %d of %d segments", p.itemsRead(), p.budget(),
                            p.segmentsRead(), p.totalSegments()))),
                    () -> cancel.isRequested() || (options.untilStable() && isStable(stability, lock)));
        } catch (DynamoAccessException e) {
            // A partial sample would look like a complete one later: keep none of it.
            throw new VeilException(e.kind().isBadInput() ? VeilException.Kind.BAD_INPUT
                    : VeilException.Kind.UNAVAILABLE, e.getMessage() + " Nothing was stored in the workspace.", e);
        }
        if (result.cancelled() || cancel.isRequested()) {
            throw new CancelledException("sampling " + options.table() + " was cancelled; nothing was stored");
        }
        SampleCoverage coverage = result.coverage(profile.pathsSeenOnce(), profile.unseenPathEstimate(),
                options.untilStable() && stability.isStable());
        TableProfile tableProfile = profile.toProfile(options.table(), "table", Instant.now(),
                Optional.of(info.keySchema()), coverage);
        return store(tableProfile, settingsOf(options, result.consumedCapacity()));
    }

    private static boolean isStable(StabilityTracker stability, Object lock) {
        synchronized (lock) {
            return stability.isStable();
        }
    }

    private SampleOutcome sampleExport(SampleOptions options, Path folder, ProgressListener progress,
                                       Cancellation cancel) {
        ProfileAccumulator profile = new ProfileAccumulator(ValueDetectors.standard());
        StabilityTracker stability = new StabilityTracker();
        long[] seen = {0};
        ExportResult result = new ExportReader().read(folder, options.items(), (segment, item) -> {
            profile.add(item);
            stability.observe(profile);
            if (++seen[0] % 500 == 0) {
                progress.onProgress(new Progress(seen[0], options.items(),
                        String.format("%,d items read from the export", seen[0])));
            }
        }, () -> cancel.isRequested() || (options.untilStable() && stability.isStable()));
        if (cancel.isRequested()) {
            throw new CancelledException("reading the export was cancelled; nothing was stored");
        }
        SampleCoverage coverage = SampleCoverage.unsegmented(0, profile.pathsSeenOnce(),
                profile.unseenPathEstimate(), options.untilStable() && stability.isStable());
        TableProfile tableProfile = profile.toProfile(options.table(), "export:" + folder.toAbsolutePath(),
                Instant.now(), Optional.empty(), coverage);
        Map<String, String> settings = settingsOf(options, 0);
        settings.put("exportFiles", String.valueOf(result.dataFiles().size()));
        return store(tableProfile, settings);
    }

    private SampleOutcome store(TableProfile profile, Map<String, String> settings) {
        SampleRun run = veil.workspace().saveRun(profile, settings);
        Map<AttributePath, Suggestion> suggestions = SuggestionEngine.standard().suggest(profile);
        return new SampleOutcome(profile, suggestions, run.id());
    }

    private static Map<String, String> settingsOf(SampleOptions options, double consumedCapacity) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("items", String.valueOf(options.items()));
        s.put("untilStable", String.valueOf(options.untilStable()));
        options.maxRcu().ifPresent(r -> s.put("maxRcu", String.valueOf(r)));
        options.fromExport().ifPresent(p -> s.put("fromExport", p.toAbsolutePath().toString()));
        s.put("consumedCapacity", String.valueOf(consumedCapacity));
        return s;
    }
}
