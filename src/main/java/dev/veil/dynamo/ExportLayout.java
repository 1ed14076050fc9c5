package dev.veil.dynamo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an export's manifests say and which data files it has.
 *
 * @param root        how messages name the export's folder (where its manifest is)
 * @param dataFiles   the data files, sorted by key; a file's index here is its segment
 * @param tableArn    the exported table's ARN, if the manifest states it
 * @param itemCount   the records the manifest says the export holds, if stated
 * @param incremental true for an incremental export (records with {@code NewImage})
 */
public record ExportLayout(String root, List<DataFile> dataFiles, Optional<String> tableArn,
                           OptionalLong itemCount, boolean incremental) {
    public ExportLayout {
        Objects.requireNonNull(root, "root");
        dataFiles = List.copyOf(dataFiles);
        Objects.requireNonNull(tableArn, "tableArn");
        Objects.requireNonNull(itemCount, "itemCount");
    }

    /** True when every data file's record count is known from {@code manifest-files.json}. */
    public boolean everyFileCounted() {
        return dataFiles.stream().allMatch(f -> f.itemCount().isPresent());
    }
}
