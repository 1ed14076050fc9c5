package dev.veil.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The npm package folder that holds dynalite: found in a checkout (packaging/local-dynamodb,
 * looked for from the working directory and from where Veil's classes live), else written to
 * an install folder from the copies bundled as resources. Installs it with {@code npm ci}
 * when dynalite is missing, one installer at a time per folder.
 */
final class LocalDynamoPackage {

    static final String PACKAGE_NAME = "veil-local-dynamodb";
    static final List<String> FILES = List.of("package.json", "package-lock.json");
    static final String RESOURCE_DIR = "/dev/veil/demo/local-dynamodb/";
    private static final Path CHECKOUT_PATH = Path.of("packaging", "local-dynamodb");
    private static final int MIN_NODE_MAJOR = 20;
    private static final Object INSTALL_LOCK = new Object();

    private LocalDynamoPackage() {
    }

    /** The default install folder when Veil does not run from a checkout. */
    static Path defaultInstallDir() {
        return Path.of(System.getProperty("user.home"), ".veil", "local-dynamodb");
    }

    /** The checkout's package folder if there is one, else the default install folder filled from resources. */
    static Path locate() {
        return checkoutFolder().orElseGet(() -> extract(defaultInstallDir()));
    }

    /** The dynalite entry point inside {@code folder}, installing it first when missing. */
    static Path ensureInstalled(Path folder, Path log) {
        Path cli = cli(folder);
        if (Files.isRegularFile(cli)) {
            return cli;
        }
        checkNode(log);
        synchronized (INSTALL_LOCK) {
            try (FileChannel channel = FileChannel.open(lockFile(folder), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    if (!Files.isRegularFile(cli)) {
                        npmCi(folder, log);
                    }
                } finally {
                    lock.release();
                }
            } catch (IOException e) {
                throw new LocalDynamoException("Cannot lock " + folder + " to install the local DynamoDB ("
                        + e.getMessage() + "). Check that the folder is writable.", e);
            }
        }
        if (!Files.isRegularFile(cli)) {
            throw new LocalDynamoException("npm ci finished but " + cli + " is missing; see " + log
                    + ". Delete " + folder.resolve("node_modules") + " and retry.");
        }
        return cli;
    }

    static Path cli(Path folder) {
        return folder.resolve("node_modules").resolve("dynalite").resolve("cli.js");
    }

    /** Fails with a clear message when Node.js is missing or older than 20. */
    static void checkNode(Path log) {
        String version = run(List.of(executable("node"), "--version"), Path.of("."), log, 30).strip();
        String digits = version.startsWith("v") ? version.substring(1) : version;
        int major;
        try {
            major = Integer.parseInt(digits.split("\\.")[0]);
        } catch (NumberFormatException e) {
            major = 0;
        }
        if (major < MIN_NODE_MAJOR) {
            throw new LocalDynamoException("The local DynamoDB needs Node.js " + MIN_NODE_MAJOR
                    + " or newer, found '" + version + "'. Install Node.js 20+ (https://nodejs.org) and retry.");
        }
    }

    private static void npmCi(Path folder, Path log) {
        run(List.of(executable("npm"), "ci", "--no-audit", "--no-fund"), folder, log, 600);
    }

    /** Runs a command with its output appended to {@code log}; returns the log's new text. */
    private static String run(List<String> command, Path dir, Path log, long timeoutSeconds) {
        String tool = Path.of(command.get(0)).getFileName().toString();
        Process process;
        long before;
        try {
            before = Files.exists(log) ? Files.size(log) : 0;
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new LocalDynamoException("The local DynamoDB needs Node.js, but `" + tool + "` could not be run ("
                    + e.getMessage() + "). Install Node.js 20+ (https://nodejs.org), which brings node and npm, "
                    + "and make sure it is on PATH.", e);
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LocalDynamoException("`" + String.join(" ", command) + "` in " + dir + " did not finish in "
                        + timeoutSeconds + " s; see " + log + ".");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LocalDynamoException("Interrupted while running `" + String.join(" ", command) + "`.", e);
        }
        String output = readFrom(log, before);
        if (process.exitValue() != 0) {
            throw new LocalDynamoException("`" + String.join(" ", command) + "` in " + dir + " failed with exit code "
                    + process.exitValue() + "; see " + log + ". Check access to the npm registry and that Node.js "
                    + "20+ is installed.");
        }
        return output;
    }

    private static String readFrom(Path log, long offset) {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String executable(String name) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        return windows && name.equals("npm") ? "npm.cmd" : name;
    }

    private static Path lockFile(Path folder) {
        String id = Integer.toHexString(folder.toAbsolutePath().normalize().toString().hashCode());
        return Path.of(System.getProperty("java.io.tmpdir"), "veil-local-dynamodb-" + id + ".lock");
    }

    private static Optional<Path> checkoutFolder() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        Optional.ofNullable(System.getProperty("veil.projectDir")).map(Path::of).ifPresent(starts::add);
        codeLocation().ifPresent(starts::add);
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(CHECKOUT_PATH);
                if (isPackageFolder(candidate)) {
                    return Optional.of(candidate.normalize());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = LocalDynamoPackage.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean isPackageFolder(Path folder) {
        Path manifest = folder.resolve("package.json");
        try {
            return Files.isRegularFile(manifest) && Files.isRegularFile(folder.resolve("package-lock.json"))
                    && Files.readString(manifest).contains("\"" + PACKAGE_NAME + "\"");
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the bundled package files into {@code dir}; a changed lock file forces a fresh install. */
    static Path extract(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String name : FILES) {
                byte[] bundled = resource(name);
                Path target = dir.resolve(name);
                if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), bundled)) {
                    Files.write(target, bundled);
                    deleteMarker(dir);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new LocalDynamoException("Cannot write the local DynamoDB package to " + dir + " ("
                    + e.getMessage() + "). Make the folder writable or pass another install folder.", e);
        }
    }

    /** Removing dynalite's entry point makes {@link #ensureInstalled} run npm ci again. */
    private static void deleteMarker(Path dir) throws IOException {
        Files.deleteIfExists(cli(dir));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = LocalDynamoPackage.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCE_DIR + name + " is missing from Veil's jar");
            }
            return in.readAllBytes();
        }
    }
}
