package dev.veil.app;

import dev.veil.drift.DriftAuditor;
import dev.veil.drift.DriftReport;
import dev.veil.drift.ReportFormat;
import dev.veil.drift.TableAuditInput;
import dev.veil.dynamo.TableCatalog;
import dev.veil.inference.suggest.SuggestionEngine;
import dev.veil.model.Finding;
import dev.veil.model.TableInfo;
import dev.veil.model.TableProfile;
import dev.veil.policy.PolicyStore;
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

/**
 * Audits tables against their published policies, across each other and across sampling runs.
 * Tables are sampled (or a recent run reused) with bounded parallelism; a table that cannot be
 * read becomes an {@code error} finding while the others complete.
 */
public final class DriftAuditing {

    /** Sampling runs before the latest that feed {@code history} findings. */
    static final int HISTORY_RUNS = 10;

    private final Veil veil;

    DriftAuditing(Veil veil) {
        this.veil = veil;
    }

    /** Runs the audit. */
    public DriftReport audit(DriftOptions options, ProgressListener progress, Cancellation cancel) {
        List<String> tables = options.all()
                ? Failures.translate(() -> new TableCatalog(veil.dynamo()).tableNames())
                : options.tables();
        List<TableAuditInput> inputs = Collections.synchronizedList(new ArrayList<>());
        List<Finding> errors = Collections.synchronizedList(new ArrayList<>());
        List<VeilException> unreachable = Collections.synchronizedList(new ArrayList<>());
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
                        if (e.kind() == VeilException.Kind.UNAVAILABLE) {
                            unreachable.add(e);
                        }
                        errors.add(DriftAuditor.error(table, e.getMessage(),
                                "fix the problem above and run the audit again"));
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
        if (!tables.isEmpty() && unreachable.size() == tables.size()) {
            // Nothing could be read at all: that is an outage to report as such (exit 3), not drift.
            throw unreachable.get(0);
        }
        List<TableAuditInput> sorted = inputs.stream()
                .sorted(java.util.Comparator.comparing(TableAuditInput::table)).toList();
        return new DriftAuditor().audit(sorted, List.copyOf(errors));
    }

    /** Renders a report; relative locations in it are relative to {@code baseDir}. */
    public String render(DriftReport report, ReportFormat format, Path baseDir) {
        return format.writer(baseDir).write(report);
    }

    /** Renders a report into {@code file}, whole or not at all. */
    public void save(DriftReport report, ReportFormat format, Path file, Path baseDir) {
        AtomicWrite.write(file, render(report, format, baseDir).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private TableAuditInput input(String table, DriftOptions options, Cancellation cancel) {
        TableInfo info = Failures.translate(() -> new TableCatalog(veil.dynamo()).describe(table));
        TableProfile latest = recentProfile(table, options).orElseGet(() -> veil.sampling()
                .sample(SampleOptions.of(table, options.items()), ProgressListener.NONE, cancel).profile());
        PolicyStore store = veil.policyStore();
        TableAuditInput.Builder in = TableAuditInput.builder(table)
                .info(info)
                .latestProfile(latest)
                .history(history(table, latest))
                .decisions(Failures.translate(() -> veil.workspace().decisions(table)))
                .suggestions(SuggestionEngine.standard().suggest(latest));
        Failures.run(() -> {
            Optional<Integer> version = store.versions(table).stream().max(Integer::compareTo);
            version.ifPresent(v -> in.policy(store.read(table, v)));
            in.policyFile(store.file(table, version.orElse(1)));
        });
        return in.build();
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
