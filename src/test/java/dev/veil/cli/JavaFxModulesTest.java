package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The JVM {@link JavaFxModules} starts for the console loads JavaFX as named modules: started with
 * a folder of JavaFX's modular jars (the ones on this test's class path, as the build copies them
 * beside veil.jar), the console gets as far as starting the window toolkit without JavaFX's
 * "Unsupported JavaFX configuration" warning (which a class-path start prints at that point). GTK
 * is shadowed by unreadable stand-ins and the display does not exist, so the console stops right
 * there with its exit-3 message.
 */
class JavaFxModulesTest {

    @Test
    void theRestartedConsoleLoadsJavaFxAsModulesWithoutTheWarning(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"),
                "GTK is the window toolkit's library on Linux only");
        Path javafx = Files.createDirectories(dir.resolve("javafx"));
        List<Path> jars = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of).filter(p -> p.getFileName().toString().matches("javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\\.jar"))
                .toList();
        assertThat(jars).as("JavaFX's platform jars on the test class path").isNotEmpty();
        for (Path jar : jars) {
            Files.copy(jar, javafx.resolve(jar.getFileName()));
        }
        Path fake = Files.createDirectories(dir.resolve("lib"));
        for (String lib : List.of("libgtk-3.so.0", "libgdk-3.so.0", "libgtk-x11-2.0.so.0", "libgdk-x11-2.0.so.0")) {
            Files.writeString(fake.resolve(lib), "not a library");
        }
        List<String> cmd = JavaFxModules.restartCommand(javafx,
                List.of("--workspace", dir.resolve("ws").toString(), "--region", "us-east-1"));
        assertThat(cmd).containsSubsequence("--module-path", javafx.toString(), "--add-modules", JavaFxModules.ROOTS,
                "-cp", System.getProperty("java.class.path"), "dev.veil.Main", "--workspace");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LD_LIBRARY_PATH", fake.toString());
        // A display that does not exist, and GTK shadowed: the toolkit stops at whichever it meets first.
        pb.environment().put("DISPLAY", ":9999");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        byte[] stderr = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = new String(stderr, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(err).contains("The console cannot start").doesNotContain("Unsupported JavaFX configuration");
    }
}
