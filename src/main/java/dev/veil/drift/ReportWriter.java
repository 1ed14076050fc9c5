package dev.veil.drift;

/** Turns a drift report into one document of its format. Implementations are stateless and thread-safe. */
public interface ReportWriter {

    /** The whole document, ending with a newline. */
    String write(DriftReport report);
}
