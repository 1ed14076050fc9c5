package dev.veil.workspace;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.DecisionSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A separate Veil-like process for the multi-process tests: opens a workspace and does one thing,
 * announcing progress on stdout, one line per event.
 */
public final class WorkspaceChild {
    private WorkspaceChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("exclusive")) {
            java.sql.Connection c = RawH2.connect(dir);
            try {
                hold();
            } finally {
                c.close();
            }
            return;
        }
        try (Workspace ws = Workspace.open(dir)) {
            switch (args[0]) {
                case "hang" -> hangMidBatch(ws, Integer.parseInt(args[2]));
                case "loop" -> recordBatchesForever(ws, Integer.parseInt(args[2]));
                case "record" -> record(ws, args[2], Integer.parseInt(args[3]), args[4]);
                case "hold" -> hold();
                case "count" -> count(ws, args[2]);
                case "race" -> race(ws, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        }
    }

    /** A batch of {@code size} decisions on paths {@code p0..}, all in one class with one note. */
    static List<Decision> batch(String table, int size, Classification c, String note) {
        List<Decision> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(new Decision(table, AttributePath.of("p" + i), c, "child", Instant.now(), note,
                    DecisionSource.ACCEPTED_SUGGESTION));
        }
        return out;
    }

    // Stops for good halfway through a batch, so that the parent kills it before the commit.
    private static void hangMidBatch(Workspace ws, int size) {
        ws.record(batch("bulk", size, Classification.SECRET, "bulk accept"), written -> {
            if (written == size / 2) {
                say("midway " + written);
                sleepForever();
            }
        });
        say("unreachable: the batch committed");
    }

    private static void recordBatchesForever(Workspace ws, int size) {
        for (int i = 0; ; i++) {
            ws.record(batch("loop", size, Classification.values()[i % 3], "batch-" + i));
            say("committed " + i);
        }
    }

    private static void record(Workspace ws, String table, int size, String note) {
        ws.saveRun(TestProfiles.simple(table, Instant.now(), "p0"), Map.of("by", "child"));
        say("recorded " + ws.record(batch(table, size, Classification.OWNER_ONLY, note)).size());
    }

    private static void hold() throws IOException {
        say("open");
        // Keeps the workspace open (serving it to other processes) until the parent closes stdin.
        while (System.in.read() >= 0) {
            continue;
        }
    }

    private static void count(Workspace ws, String table) {
        say("decisions " + ws.decisions(table).size());
        say("runs " + ws.runs(table).size());
    }

    // Rewrites the same paths round after round, interleaving with another process doing the same.
    private static void race(Workspace ws, String who, int rounds, int paths) {
        say("ready");
        raceRounds(ws, who, rounds, paths);
        say("raced " + rounds);
        say("log " + ws.auditLog(Optional.of("race")).size());
    }

    static void raceRounds(Workspace ws, String who, int rounds, int paths) {
        for (int r = 0; r < rounds; r++) {
            ws.record(batch("race", paths, Classification.values()[(r + who.length()) % 3], who + "-" + r));
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
