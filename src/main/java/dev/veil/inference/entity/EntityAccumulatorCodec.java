package dev.veil.inference.entity;

import dev.veil.inference.ProfileAccumulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The binary form of an {@link EntityAccumulator}, so that the Spark job's tasks can ship theirs to
 * be merged: the key names and markers it was built with, whether it overflowed, then each label
 * in the order the accumulator first saw it (which the merge's cap depends on) with its
 * accumulator's own bytes ({@link ProfileAccumulator#toBytes}). A label holds what the
 * accumulator keys on (marker values of at most {@value ItemLabel#MAX_MARKER_LENGTH} characters,
 * key literals), never another value.
 */
final class EntityAccumulatorCodec {

    private static final int MAGIC = 0x56454e54; // "VENT"
    private static final int VERSION = 1;

    private EntityAccumulatorCodec() {
    }

    static byte[] write(List<String> keyNames, List<String> markers, boolean overflowed,
                        Map<ItemLabel, ProfileAccumulator> byLabel) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writeTexts(out, keyNames);
            writeTexts(out, markers);
            out.writeBoolean(overflowed);
            out.writeInt(byLabel.size());
            for (Map.Entry<ItemLabel, ProfileAccumulator> e : byLabel.entrySet()) {
                writeLabel(out, e.getKey());
                byte[] accumulator = e.getValue().toBytes();
                out.writeInt(accumulator.length);
                out.write(accumulator);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** What {@link #write} wrote. */
    record Read(List<String> keyNames, List<String> markers, boolean overflowed,
                LinkedHashMap<ItemLabel, byte[]> byLabel) {
    }

    /** @throws IllegalArgumentException when the bytes are not an entity accumulator's */
    static Read read(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalArgumentException("not an entity accumulator of this Veil version");
            }
            List<String> keyNames = readTexts(in);
            List<String> markers = readTexts(in);
            boolean overflowed = in.readBoolean();
            int labels = in.readInt();
            LinkedHashMap<ItemLabel, byte[]> byLabel = new LinkedHashMap<>();
            for (int i = 0; i < labels; i++) {
                ItemLabel label = readLabel(in);
                byte[] accumulator = new byte[length(in)];
                in.readFully(accumulator);
                byLabel.put(label, accumulator);
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("an entity accumulator's bytes go on past its end");
            }
            return new Read(keyNames, markers, overflowed, byLabel);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException i) {
                throw i;
            }
            throw new IllegalArgumentException("corrupt entity accumulator bytes", e);
        }
    }

    private static void writeLabel(DataOutput out, ItemLabel label) throws IOException {
        Map<String, String> markers = new TreeMap<>(label.markers());
        out.writeInt(markers.size());
        for (Map.Entry<String, String> m : markers.entrySet()) {
            writeText(out, m.getKey());
            writeText(out, m.getValue());
        }
        writeLiteral(out, label.partitionKey());
        writeLiteral(out, label.sortKey());
    }

    private static ItemLabel readLabel(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<String, String> markers = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            markers.put(readText(in), readText(in));
        }
        return new ItemLabel(markers, readLiteral(in), readLiteral(in));
    }

    private static void writeLiteral(DataOutput out, Optional<KeyLiteral> literal) throws IOException {
        out.writeBoolean(literal.isPresent());
        if (literal.isPresent()) {
            writeText(out, literal.get().name());
            writeText(out, literal.get().value());
            out.writeBoolean(literal.get().whole());
        }
    }

    private static Optional<KeyLiteral> readLiteral(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return Optional.empty();
        }
        return Optional.of(new KeyLiteral(readText(in), readText(in), in.readBoolean()));
    }

    private static void writeTexts(DataOutput out, List<String> texts) throws IOException {
        out.writeInt(texts.size());
        for (String t : texts) {
            writeText(out, t);
        }
    }

    private static List<String> readTexts(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(readText(in));
        }
        return List.copyOf(out);
    }

    private static int length(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IllegalArgumentException("corrupt entity accumulator bytes (a length past the end)");
        }
        return length;
    }

    // Length-prefixed UTF-8: attribute names may be longer than writeUTF's 65,535 bytes allow.
    private static void writeText(DataOutput out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[length(in)];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
