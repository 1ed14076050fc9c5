package dev.veil.app;

import dev.veil.model.AttributePath;
import java.util.List;

/**
 * A decision was asked for a path that no stored sample and no published version of the table
 * holds: most likely a typo. Bad input; a face may offer to record it as a new path instead.
 */
public final class UnknownPathException extends VeilException {
    private static final long serialVersionUID = 1L;

    private final transient AttributePath path;
    private final transient List<AttributePath> closest;

    UnknownPathException(String message, AttributePath path, List<AttributePath> closest) {
        super(Kind.BAD_INPUT, message);
        this.path = path;
        this.closest = List.copyOf(closest);
    }

    /** The path asked for. */
    public AttributePath path() {
        return path;
    }

    /** The known paths closest to it, closest first; empty when none is close. */
    public List<AttributePath> closest() {
        return closest;
    }
}
