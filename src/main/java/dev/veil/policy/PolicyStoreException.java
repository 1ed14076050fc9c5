package dev.veil.policy;

import dev.veil.model.VeilFailure;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The policy store or a policy file could not be read or written (permissions, disk full,
 * missing file). CLI exit code 3. The message names the path and what to check.
 */
public final class PolicyStoreException extends VeilFailure {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public PolicyStoreException(Path path, String message, Throwable cause) {
        super(Kind.UNAVAILABLE, path + ": " + message, cause);
        this.path = path;
    }

    static PolicyStoreException reading(Path path, IOException e) {
        return new PolicyStoreException(path, "cannot read (" + describe(e) + "); check that it exists and is readable", e);
    }

    static PolicyStoreException writing(Path path, IOException e) {
        return new PolicyStoreException(path, "cannot write (" + describe(e) + "); check permissions and free disk space", e);
    }

    /** The file or directory involved. */
    public Path path() {
        return path;
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }
}
