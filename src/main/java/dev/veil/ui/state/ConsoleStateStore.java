package dev.veil.ui.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.veil.app.VeilException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Reads and writes {@link ConsoleState} as {@code console.json} in the workspace directory. A
 * missing or unreadable file gives the initial state: a broken layout file must never keep the
 * console from starting.
 */
public final class ConsoleStateStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public ConsoleStateStore(Path file) {
        this.file = file;
    }

    /** The store kept in {@code workspace/console.json}. */
    public static ConsoleStateStore inWorkspace(Path workspace) {
        return new ConsoleStateStore(workspace.resolve("console.json"));
    }

    public Path file() {
        return file;
    }

    /** The remembered state, or the initial one with the reason it could not be read. */
    public Loaded load() {
        if (!Files.isRegularFile(file)) {
            return new Loaded(ConsoleState.initial(), Optional.empty());
        }
        try {
            ConsoleState s = JSON.readValue(file.toFile(), ConsoleState.class);
            return new Loaded(s, Optional.empty());
        } catch (IOException | RuntimeException e) {
            return new Loaded(ConsoleState.initial(), Optional.of("could not read the console layout in " + file
                    + " (" + e.getClass().getSimpleName() + "); starting with the default layout, "
                    + "which replaces the file on exit"));
        }
    }

    /** Writes the state atomically, so a crash mid-write leaves the old file. */
    public void save(ConsoleState state) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), state);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw VeilException.unavailable("could not save the console layout to " + file + ": " + e.getMessage()
                    + "; check that the workspace directory is writable", e);
        }
    }

    /** A loaded state and, when the file was broken, why it was ignored. */
    public record Loaded(ConsoleState state, Optional<String> problem) {
    }
}
