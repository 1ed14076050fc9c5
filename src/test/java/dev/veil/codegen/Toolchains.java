package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real tools generated code is checked with: python3, Node.js and the pinned TypeScript
 * compiler (installed with {@code npm ci} in {@code src/test/node} on first use). Where a tool is
 * missing the test is skipped with a message, unless {@code VEIL_REQUIRE_ALL_TOOLS=1} (CI), where
 * it fails.
 */
final class Toolchains {

    private Toolchains() {
    }

    /** Output and exit code of a finished process. */
    record Run(int exitCode, String out, String err) {
        Run expectSuccess(String what) {
            assertThat(exitCode).as(what + " failed:\nstdout:\n" + out + "\nstderr:\n" + err).isZero();
            return this;
        }
    }

    static Path projectDir() {
        return Path.of(System.getProperty("veil.projectDir", ".")).toAbsolutePath();
    }

    /** python3: Debian's (with boto3) when present, else the one on the PATH. */
    static String python() {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        require(works(python, "--version"), "python3 is not installed");
        return python;
    }

    /** python3 with pycodestyle (Debian: python3-pycodestyle). */
    static String pycodestylePython() {
        String python = python();
        require(works(python, "-m", "pycodestyle", "--version"), "pycodestyle is not installed for " + python);
        return python;
    }

    static String node() {
        require(works("node", "--version"), "Node.js is not installed");
        return "node";
    }

    /** The pinned tsc, installed with npm ci when missing. */
    static synchronized Path tsc() {
        node();
        Path dir = projectDir().resolve("src/test/node");
        Path tsc = dir.resolve("node_modules/typescript/bin/tsc");
        if (!Files.exists(tsc)) {
            run(dir, List.of("npm", "ci", "--no-audit", "--no-fund"), "").expectSuccess("npm ci in " + dir);
        }
        return tsc;
    }

    static Path nodeModules() {
        tsc();
        return projectDir().resolve("src/test/node/node_modules");
    }

    static void require(boolean available, String problem) {
        if ("1".equals(System.getenv("VEIL_REQUIRE_ALL_TOOLS"))) {
            assertThat(available).as(problem + " (VEIL_REQUIRE_ALL_TOOLS=1 makes this a failure)").isTrue();
        }
        assumeTrue(available, problem + "; skipping (install it to run this test)");
    }

    static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Run run(Path dir, List<String> command, String stdin) {
        try {
            Path outFile = Files.createTempFile("veil-run", ".out");
            Path errFile = Files.createTempFile("veil-run", ".err");
            Process p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                    .redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).start();
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in 300 s");
            }
            Run r = new Run(p.exitValue(), Files.readString(outFile), Files.readString(errFile));
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
