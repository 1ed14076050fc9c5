package dev.veil.dynamo;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link ExportReader} read.
 *
 * @param exportRoot        the folder holding the export (where its manifest is, if any)
 * @param dataFiles         the data files, in the order read; item sink segment = index here
 * @param items             items handed to the sink
 * @param tableArn          the exported table's ARN from the manifest, if present
 * @param manifestItemCount the item count the manifest states, if present
 * @param stopped           reading ended early (item limit or stop signal)
 */
public record ExportResult(Path exportRoot, List<Path> dataFiles, long items, Optional<String> tableArn,
                           OptionalLong manifestItemCount, boolean stopped) {
    public ExportResult {
        Objects.requireNonNull(exportRoot, "exportRoot");
        dataFiles = List.copyOf(dataFiles);
        Objects.requireNonNull(tableArn, "tableArn");
        Objects.requireNonNull(manifestItemCount, "manifestItemCount");
    }
}
