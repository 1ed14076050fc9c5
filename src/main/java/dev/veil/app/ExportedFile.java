package dev.veil.app;

import java.nio.file.Path;
import java.util.Objects;

/** A file an export wrote, or left alone because its bytes were already right. */
public record ExportedFile(Path path, Status status) {

    /** What happened to the file. */
    public enum Status {
        CREATED("created"), UPDATED("updated"), UNCHANGED("unchanged");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ExportedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
    }
}
