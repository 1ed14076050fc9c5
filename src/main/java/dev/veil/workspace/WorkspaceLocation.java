package dev.veil.workspace;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a workspace lives: an embedded H2 file in a directory (one machine; the default), or a
 * team's shared PostgreSQL database named by a JDBC URL. {@link #toString()} is what messages
 * show: a shared location never shows its password.
 */
public sealed interface WorkspaceLocation permits WorkspaceLocation.Directory, PostgresLocation {

    /** The prefix that makes a workspace argument a PostgreSQL URL rather than a directory. */
    String POSTGRES_PREFIX = "jdbc:postgresql:";

    /** An H2 file database in {@code path}. */
    record Directory(Path path) implements WorkspaceLocation {
        public Directory {
            path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /**
     * Reads a workspace argument: a {@code jdbc:postgresql://HOST:PORT/DB?user=U} URL (the password
     * in the URL or in {@code pgPassword}, from {@code PGPASSWORD}), else a directory. Throws
     * {@link IllegalArgumentException}, never quoting a password, when the text is neither.
     */
    static WorkspaceLocation parse(String text, Optional<String> pgPassword) {
        Objects.requireNonNull(text, "text");
        if (text.regionMatches(true, 0, POSTGRES_PREFIX, 0, POSTGRES_PREFIX.length())) {
            return PostgresLocation.parse(text, pgPassword);
        }
        if (text.regionMatches(true, 0, "jdbc:", 0, "jdbc:".length())) {
            throw new IllegalArgumentException("workspace " + PostgresLocation.redact(text) + " is a JDBC URL of "
                    + "a database Veil cannot use: a workspace is a directory (an H2 file) or a PostgreSQL URL "
                    + "like jdbc:postgresql://HOST:5432/DB?user=U");
        }
        return new Directory(Path.of(text));
    }

    /**
     * A workspace argument as it may be kept (in the console's recent connections): a PostgreSQL
     * URL without its password parameter, anything else as it is.
     */
    static String withoutPassword(String text) {
        return text.regionMatches(true, 0, POSTGRES_PREFIX, 0, POSTGRES_PREFIX.length())
                ? PostgresLocation.withoutPasswords(text) : text;
    }

    /** A directory workspace in {@code path}. */
    static WorkspaceLocation directory(Path path) {
        return new Directory(path);
    }
}
