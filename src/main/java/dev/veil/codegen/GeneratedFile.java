package dev.veil.codegen;

import java.util.Objects;

/** One generated file: where it goes, relative to the export folder, and its text. */
public record GeneratedFile(String relativePath, String content) {
    public GeneratedFile {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(content, "content");
    }
}
