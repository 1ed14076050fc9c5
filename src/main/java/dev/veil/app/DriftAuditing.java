package dev.veil.app;

import dev.veil.drift.DriftAuditor;
import dev.veil.drift.DriftReport;
import dev.veil.drift.PlainText;
import dev.veil.drift.ReportFormat;
import dev.veil.drift.TableAuditInput;
import dev.veil.drift.UnauditedTable;
import dev.veil.drift.WaiverFile;
import dev.veil.dynamo.DynamoAccessException;
import dev.veil.dynamo.TableCatalog;
import dev.veil.inference.suggest.SuggestionEngine;
import dev.veil.model.EntityProfile;
import dev.veil.model.TableInfo;
import dev.veil.model.TableProfile;
import dev.veil.policy.PolicyStore;
import dev.veil.work.Cancellation;
import dev.veil.work.Progress;
import dev.veil.work.ProgressListener;
import dev.veil.workspace.SampleRun;
import dev.veil.workspace.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Audits tables against their published policies, across each other and across sampling runs.
 * Tables are sampled (or a recent run reused) with bounded parallelism; a table that cannot be
 * read is listed as not audited while the others complete. The store's {@code waivers.json} applies.
 */
public final class DriftAuditing {

    /** Sampling runs before the latest that feed {@code history} findings. */
    static final int HISTORY_RUNS = 10;

    private final Veil veil;

    DriftAuditing(Veil veil) {
        this.veil = veil;
    }

    /**
     * Runs the audit. A table that cannot be audited (no such table, unreadable) joins the report's
     * {@code unaudited} list while the others complete; {@link #failure} then says how the command
     * fails. When no table at all could be audited that failure is thrown instead of a report. Veil's
     * own bugs are not caught: they end the audit.
     */
    public DriftReport audit(DriftOptions options, ProgressListener progress, Cancellation cancel) {
        List<String> tables = options.all()
                ? Failures.translate(() -> new TableCatalog(veil.dynamo()).tableNames())
                : options.tables();
        List<WaiverFile.Located> waivers = waivers();
        List<TableAuditInput> inputs = Collections.synchronizedList(new ArrayList<>());
        List<UnauditedTable> unaudited = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallelism(), Math.max(1, tables.size())));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String table : tables) {
                futures.add(pool.submit(() -> {
                    if (cancel.isRequested()) {
                        return;
                    }
                    try {
                        inputs.add(input(table, options, cancel));
                    } catch (VeilException e) {
                        unaudited.add(new UnauditedTable(table, e.kind() == VeilException.Kind.BAD_INPUT
                                ? UnauditedTable.Cause.BAD_INPUT : UnauditedTable.Cause.UNAVAILABLE, e.getMessage()));
                    }
                    progress.onProgress(new Progress(done.incrementAndGet(), tables.size(),
                            "audited " + table + " (" + done.get() + " of " + tables.size() + ")"));
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("the drift audit was interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (cancel.isRequested()) {
            throw new CancelledException("the drift audit was cancelled");
        }
        List<TableAuditInput> sorted = inputs.stream()
                .sorted(java.util.Comparator.comparing(TableAuditInput::table)).toList();
        DriftReport report = new DriftAuditor().audit(sorted, waivers, List.copyOf(unaudited));
        if (report.tables().isEmpty() && !report.unaudited().isEmpty()) {
            // Nothing could be audited at all: there is no report to write, only the failure.
            throw failure(report).orElseThrow();
        }
        return report;
    }

    /**
     * How a finished audit fails, if it does: with the report written, a table that could not be read
     * makes the command fail as unavailable (exit 3), else a table that could not be audited as asked
     * (no such table, nothing to audit) as bad input (exit 2). Findings are never failures.
     */
    public Optional<VeilException> failure(DriftReport report) {
        if (report.unaudited().isEmpty()) {
            return Optional.empty();
        }
        boolean unreadable = report.unaudited().stream().anyMatch(u -> u.cause() == UnauditedTable.Cause.UNAVAILABLE);
        List<UnauditedTable> shown = report.unaudited().stream()
                .filter(u -> !unreadable || u.cause() == UnauditedTable.Cause.UNAVAILABLE).toList();
        int asked = report.tables().size() + report.unaudited().size();
        String message = (asked == 1 ? "" : report.unaudited().size() + " of " + asked + " tables could not be audited"
                + (report.tables().isEmpty() ? ": " : " (the report covers the others): "))
                + shown.stream().map(u -> (asked == 1 ? "" : u.table() + ": ") + PlainText.of(u.message()))
                        .collect(Collectors.joining("; "));
        return Optional.of(unreadable ? new VeilException(VeilException.Kind.UNAVAILABLE, message)
                : VeilException.badInput(message));
    }

    /** The waivers of the policy store; none when it has no {@code waivers.json}. */
    public List<WaiverFile.Located> waivers() {
        return Failures.translate(() -> WaiverFile.read(WaiverFile.in(veil.policyStore().root())));
    }

    /** Renders a report; relative locations in it are relative to {@code baseDir}. */
    public String render(DriftReport report, ReportFormat format, Path baseDir) {
        return format.writer(baseDir).write(report);
    }

    /** Renders a report into {@code file}, whole or not at all. */
    public void save(DriftReport report, ReportFormat format, Path file, Path baseDir) {
        OutputFiles.write(file, render(report, format, baseDir).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private TableAuditInput input(String table, DriftOptions options, Cancellation cancel) {
        TableInfo info = describe(table);
        EntityCorrections corrections = veil.entityCorrections(table);
        TableProfile latest = corrections.apply(recentProfile(table, options).orElseGet(() -> veil.sampling()
                .sample(SampleOptions.of(table, options.items()), ProgressListener.NONE, cancel).profile()));
        PolicyStore store = veil.policyStore();
        TableAuditInput.Builder in = TableAuditInput.builder(table)
                .info(info)
                .latestProfile(latest)
                .history(history(table, latest).stream().map(corrections::apply).toList())
                .decisions(Failures.translate(() -> veil.workspace().decisions(table)))
                .suggestions(SuggestionEngine.standard().suggest(latest));
        Failures.run(() -> {
            Optional<Integer> version = store.versions(table).stream().max(Integer::compareTo);
            version.ifPresent(v -> in.policy(store.read(table, v)).policyFile(store.file(table, v)));
        });
        entities(table, latest, in);
        return in.build();
    }

    /** Each entity's own decisions and, for the entities the sample found, suggestions over its own items. */
    private void entities(String table, TableProfile latest, TableAuditInput.Builder in) {
        for (EntityProfile e : latest.entities()) {
            in.entitySuggestions(e.name(), SuggestionEngine.standard().suggest(EntityViews.asTable(latest, e)));
        }
        for (String name : veil.entities().names(table)) {
            in.entityDecisions(name, Failures.translate(() -> veil.workspace().decisions(table, name)));
        }
    }

    /** DescribeTable; a table that does not exist is bad input, named with the closest known tables. */
    private TableInfo describe(String table) {
        try {
            return new TableCatalog(veil.dynamo()).describe(table);
        } catch (DynamoAccessException e) {
            if (e.kind() == DynamoAccessException.Kind.NOT_FOUND) {
                throw VeilException.badInput(e.getMessage() + closeNames(table));
            }
            return Failures.translate(() -> {
                throw e;
            });
        }
    }

    private String closeNames(String table) {
        List<String> close = new KnownTables(veil).closest(table);
        return close.isEmpty() ? "" : " Did you mean " + String.join(", ", close) + "?";
    }

    private Optional<TableProfile> recentProfile(String table, DriftOptions options) {
        if (options.maxAge().isEmpty()) {
            return Optional.empty();
        }
        Instant cutoff = Instant.now().minus(options.maxAge().get());
        return Failures.translate(() -> veil.workspace().latestProfile(table))
                .filter(p -> !p.sampledAt().isBefore(cutoff) && p.source().equals("table"));
    }

    private List<TableProfile> history(String table, TableProfile latest) {
        return Failures.translate(() -> {
            Workspace ws = veil.workspace();
            List<SampleRun> runs = ws.runs(table);
            List<TableProfile> out = new ArrayList<>();
            for (int i = Math.max(0, runs.size() - HISTORY_RUNS - 1); i < runs.size(); i++) {
                TableProfile p = ws.profile(runs.get(i).id());
                if (!p.sampledAt().equals(latest.sampledAt())) {
                    out.add(p);
                }
            }
            return out;
        });
    }
}
