package dev.veil.dynamo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** An export in a local folder, as {@code aws s3 cp --recursive} downloads it. */
final class FolderStore implements ExportStore {

    private final Path root;

    FolderStore(Path root) {
        this.root = root;
        if (!Files.isDirectory(root)) {
            throw new ExportReadException(ExportReadException.Kind.NOT_AN_EXPORT,
                    root + " is not a folder. Give the folder an Export to S3 wrote (downloaded with "
                            + "`aws s3 cp --recursive s3://BUCKET/PREFIX DIR`), or its s3://BUCKET/PREFIX address.",
                    Optional.of(root), OptionalLong.empty(), null);
        }
    }

    Path path(String key) {
        return root.resolve(key);
    }

    @Override
    public List<String> keys() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new ExportReadException(ExportReadException.Kind.UNREADABLE,
                    "Cannot list " + root + " (" + e.getMessage() + "). Check that the folder is readable.",
                    Optional.of(root), OptionalLong.empty(), e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public String describe(String key) {
        return path(key).toString();
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
