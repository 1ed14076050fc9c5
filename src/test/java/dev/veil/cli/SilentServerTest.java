package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.dynamo.RetryPolicy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that accepts connections and never answers ends a command with exit 3 within the call timeout. */
class SilentServerTest {

    @TempDir
    Path dir;

    @Test
    void aServerThatNeverAnswersEndsTheCommandWithExitThreeInBoundedTime() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accept, read nothing, answer nothing
                    }
                } catch (java.io.IOException closed) {
                    // The test is over.
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();
            CliRun.Result r = CliRun.raw("tables", "--endpoint", "http://127.0.0.1:" + silent.getLocalPort(),
                    "--workspace", dir.resolve("ws").toString());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(r.err()).contains("did not answer in time").contains("127.0.0.1");
            assertThat(took).isLessThan(RetryPolicy.CALL_TIMEOUT.plusSeconds(30));
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
