package dev.veil.dynamo;

import java.util.Objects;

/**
 * What {@link ExportReader} read.
 *
 * @param layout  the export's manifests and data files
 * @param records records read (items plus the deletes of an incremental export)
 * @param items   items handed to the sink
 * @param stopped reading ended early (item limit or stop signal)
 */
public record ExportResult(ExportLayout layout, long records, long items, boolean stopped) {
    public ExportResult {
        Objects.requireNonNull(layout, "layout");
    }
}
