package dev.veil.dynamo;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One data file of an export.
 *
 * @param key         its key below the export's location ({@code AWSDynamoDB/…/data/x.json.gz})
 * @param name        how messages name it: its path or {@code s3://} address
 * @param format      DYNAMODB_JSON or ION
 * @param itemCount   the records {@code manifest-files.json} says it holds, if listed there
 * @param md5Checksum the MD5 of its bytes that {@code manifest-files.json} states (base64), if listed
 */
public record DataFile(String key, String name, ExportFormat format, OptionalLong itemCount,
                       Optional<String> md5Checksum) {
    public DataFile {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(itemCount, "itemCount");
        Objects.requireNonNull(md5Checksum, "md5Checksum");
    }

    /** The file's name without its folders. */
    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
