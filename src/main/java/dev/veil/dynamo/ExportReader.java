package dev.veil.dynamo;

import dev.veil.work.Cancellation;
import java.nio.file.Path;

/**
 * Reads a whole export one data file after another, in file order, into one sink: the simple way
 * when the item limit is small or the caller wants the first items in a fixed order. To read
 * the data files in parallel, use {@link ExportSource#read} per file.
 */
public final class ExportReader {

    /** Reads every item of the export in a local folder. */
    public ExportResult read(Path folder, ItemSink sink) {
        return read(folder, Long.MAX_VALUE, sink, Cancellation.none());
    }

    /** Reads at most {@code maxItems} items of the export in a local folder. */
    public ExportResult read(Path folder, long maxItems, ItemSink sink, Cancellation stop) {
        try (ExportSource source = ExportSource.folder(folder)) {
            return read(source, maxItems, sink, stop);
        }
    }

    /**
     * Reads at most {@code maxItems} items, checking {@code stop} between items. The
     * sink's segment is the index of the data file in the layout. When every record was read,
     * their number is checked against the manifest.
     *
     * @throws ExportReadException when the folder holds no export, or a file is broken or unreadable
     */
    public ExportResult read(ExportSource source, long maxItems, ItemSink sink, Cancellation stop) {
        long records = 0;
        long items = 0;
        boolean stopped = false;
        int files = source.layout().dataFiles().size();
        for (int index = 0; index < files && !stopped; index++) {
            ExportSource.FileRead read = source.read(index, maxItems - items, sink, stop);
            records += read.records();
            items += read.items();
            stopped = !read.complete();
        }
        if (!stopped) {
            source.checkTotal(records);
        }
        return new ExportResult(source.layout(), records, items, stopped);
    }
}
