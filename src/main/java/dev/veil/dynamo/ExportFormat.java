package dev.veil.dynamo;

/** The two formats Export to S3 writes; each data file says which by its name. */
public enum ExportFormat {
    /** One DynamoDB JSON object per line: {@code {"Item":{"id":{"S":"1"}}}}. */
    DYNAMODB_JSON(".json"),
    /** One Ion struct per line: {@code $ion_1_0 {Item:{id:"1"}}}. */
    ION(".ion");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** The format of a data file named {@code name} (gzipped or not), if it is a data file. */
    static java.util.Optional<ExportFormat> ofFile(String name) {
        for (ExportFormat f : values()) {
            if (name.endsWith(f.extension + ".gz") || name.endsWith(f.extension)) {
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }
}
