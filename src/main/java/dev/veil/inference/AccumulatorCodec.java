package dev.veil.inference;

import dev.veil.model.AttributePath;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The binary form of a {@link ProfileAccumulator}'s state, so that accumulators built in other
 * processes (Spark tasks) can be shipped and merged. It holds exactly what the accumulator holds:
 * counts, extremes, sketches and masks, never a raw value. The trie is written depth-first:
 * each node's name, statistics, then its children.
 */
final class AccumulatorCodec {

    private static final int MAGIC = 0x5645494c; // "VEIL"
    private static final int VERSION = 1;

    private AccumulatorCodec() {
    }

    static byte[] write(long itemCount, long valuesBeyondDepthLimit, List<String> detectorIds,
                        Map<String, PathNode> roots) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(itemCount);
            out.writeLong(valuesBeyondDepthLimit);
            out.writeInt(detectorIds.size());
            for (String id : detectorIds) {
                writeText(out, id);
            }
            out.writeInt(roots.size());
            for (Map.Entry<String, PathNode> e : roots.entrySet()) {
                writeNode(out, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    // Depth is bounded by ProfileAccumulator.MAX_DEPTH.
    private static void writeNode(DataOutput out, String name, PathNode node) throws IOException {
        writeText(out, name);
        node.stats.writeTo(out);
        out.writeInt(node.children().size());
        for (Map.Entry<String, PathNode> e : node.children().entrySet()) {
            writeNode(out, e.getKey(), e.getValue());
        }
        out.writeBoolean(node.elements() != null);
        if (node.elements() != null) {
            writeNode(out, "", node.elements());
        }
    }

    /** What {@link #write} wrote, read back into {@code target}, which must be empty. */
    interface Target {
        void header(long itemCount, long valuesBeyondDepthLimit, List<String> detectorIds);

        PathNode newNode(AttributePath path, PathStats stats);

        void putRoot(String name, PathNode node);
    }

    static void read(byte[] data, int detectorCount, Target target) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalArgumentException("not a Veil profile accumulator (version " + VERSION + ")");
            }
            long items = in.readLong();
            long beyond = in.readLong();
            int ids = in.readInt();
            Deque<String> detectorIds = new ArrayDeque<>();
            for (int i = 0; i < ids; i++) {
                detectorIds.add(readText(in));
            }
            target.header(items, beyond, List.copyOf(detectorIds));
            int roots = in.readInt();
            for (int i = 0; i < roots; i++) {
                String name = readText(in);
                target.putRoot(name, readNode(in, AttributePath.of(name), detectorCount, target));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("a profile accumulator's bytes are cut off or corrupt: "
                    + e.getMessage(), e);
        }
    }

    private static PathNode readNode(DataInput in, AttributePath path, int detectorCount, Target target)
            throws IOException {
        PathNode node = target.newNode(path, PathStats.readFrom(in, detectorCount));
        int children = in.readInt();
        for (int i = 0; i < children; i++) {
            String name = readText(in);
            node.putChild(name, readNode(in, path.child(name), detectorCount, target));
        }
        if (in.readBoolean()) {
            readText(in);
            node.putElements(readNode(in, path.elements(), detectorCount, target));
        }
        return node;
    }

    static void writeText(DataOutput out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readText(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 64 * 1024 * 1024) {
            throw new IOException("a text of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
