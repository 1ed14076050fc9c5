package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the console in a JVM of its own, on a real X display (an Xvfb the test starts), on a
 * machine whose GTK 3 cannot be loaded (unreadable stand-ins for the libraries shadow the real ones
 * through {@code LD_LIBRARY_PATH}), as on a fresh server install without {@code libgtk-3-0}. Where
 * Xvfb is missing the test is skipped, unless {@code VEIL_REQUIRE_ALL_TOOLS=1}.
 */
class ConsoleStartTest {

    @Test
    void withoutGtkTheConsoleNamesThePackageToInstallAndExitsWithThree(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"),
                "GTK is the window toolkit's library on Linux only");
        Path fake = Files.createDirectories(dir.resolve("lib"));
        for (String lib : List.of("libgtk-3.so.0", "libgdk-3.so.0", "libgtk-x11-2.0.so.0", "libgdk-x11-2.0.so.0")) {
            Files.writeString(fake.resolve(lib), "not a library");
        }
        Process xvfb = startXvfb();
        Process p;
        try {
            p = start(dir, fake, display);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the console gave up within two minutes").isTrue();
        } finally {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(err).contains("GTK 3", "apt-get install libgtk-3-0", "dnf install gtk3")
                .doesNotContain("bug in Veil");
    }

    private String display;

    /** An Xvfb on the first free display number from 90 on; it reports the number once ready. */
    private Process startXvfb() throws Exception {
        boolean installed = Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "Xvfb")));
        if ("1".equals(System.getenv("VEIL_REQUIRE_ALL_TOOLS"))) {
            assertThat(installed).as("Xvfb is not installed (VEIL_REQUIRE_ALL_TOOLS=1 makes this a failure)").isTrue();
        }
        Assumptions.assumeTrue(installed, "Xvfb is not installed; skipping (apt-get install xvfb to run this test)");
        for (int n = 90; n < 140; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process x = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 100 && x.isAlive() && !Files.exists(Path.of("/tmp/.X11-unix/X" + n)); i++) {
                Thread.sleep(100);
            }
            if (x.isAlive()) {
                display = ":" + n;
                return x;
            }
        }
        throw new AssertionError("no free X display number between 90 and 139");
    }

    private static Process start(Path dir, Path fakeLibraries, String display) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.veil.Main", "--workspace", dir.resolve("ws").toString(), "--region", "us-east-1");
        pb.environment().put("LD_LIBRARY_PATH", fakeLibraries.toString());
        pb.environment().put("DISPLAY", display);
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }
}
