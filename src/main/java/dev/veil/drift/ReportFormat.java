package dev.veil.drift;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** The formats {@code veil drift --format} writes, each with its writer. */
public enum ReportFormat {
    /** The stable machine-readable document; see {@link JsonReportWriter}. */
    JSON("json", "json"),
    /** Tables grouped by table, short enough for a pull-request comment. */
    MARKDOWN("markdown", "md"),
    /** One self-contained, sortable page. */
    HTML("html", "html"),
    /** SARIF 2.1.0 for code-scanning tools, locations in the policy files. */
    SARIF("sarif", "sarif");

    private final String label;
    private final String extension;

    ReportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    /** The usual file name extension, without the dot. */
    public String fileExtension() {
        return extension;
    }

    /** True for formats meant for programs (JSON, SARIF) rather than people. */
    public boolean isMachineFormat() {
        return this == JSON || this == SARIF;
    }

    /**
     * A writer for this format. File paths in the report are shown relative to {@code baseDir} when
     * they lie beneath it (SARIF tools resolve them against the repository root), absolute otherwise.
     */
    public ReportWriter writer(Path baseDir) {
        return writer(baseDir, Optional.empty());
    }

    /**
     * Like {@link #writer(Path)}; SARIF results with no policy file point at line 1 of {@code fallbackArtifact}
     * (see {@link SarifReportWriter}). Other formats ignore it.
     */
    public ReportWriter writer(Path baseDir, Optional<Path> fallbackArtifact) {
        return switch (this) {
            case JSON -> new JsonReportWriter(baseDir);
            case MARKDOWN -> new MarkdownReportWriter(baseDir);
            case HTML -> new HtmlReportWriter(baseDir);
            case SARIF -> new SarifReportWriter(baseDir, fallbackArtifact);
        };
    }

    /** A writer showing paths relative to the working directory. */
    public ReportWriter writer() {
        return writer(Path.of("").toAbsolutePath());
    }

    public static Optional<ReportFormat> fromLabel(String label) {
        return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst();
    }

    /** The labels, separated by {@code |}, for usage messages. */
    public static String labels() {
        return String.join("|", Arrays.stream(values()).map(ReportFormat::label).toList());
    }

    @Override
    public String toString() {
        return label;
    }
}
