package dev.veil.dynamo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The files of an export, wherever they are stored: listed once, each opened as a stream so
 * that no file is ever held in memory whole. Keys use {@code /} whatever the platform.
 */
interface ExportStore extends AutoCloseable {

    /** Every file below the location, as keys relative to it, sorted. */
    List<String> keys();

    /** A fresh stream of one file's bytes; the caller closes it. */
    InputStream open(String key) throws IOException;

    /** How a file is named in messages: its path or its {@code s3://} address. */
    String describe(String key);

    /** How the location itself is named in messages. */
    String describe();

    @Override
    void close();
}
