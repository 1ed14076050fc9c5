package dev.veil.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs the console with JavaFX as named modules. JavaFX warns ("Unsupported JavaFX configuration")
 * when its classes come from the class path, as they do under {@code java -jar veil.jar}; the build
 * puts JavaFX's modular jars in a {@code javafx} folder beside {@code veil.jar}, and the console,
 * only the console, starts a second JVM with that folder on the module path. The app image's
 * runtime holds JavaFX's modules itself, so nothing is restarted there; neither is a command of
 * the command line.
 */
final class JavaFxModules {
    /** The modules the console needs; the rest of JavaFX follows as their dependencies. */
    static final String ROOTS = "javafx.controls,javafx.swing";
    /** The main class of {@code veil.jar}, started again in the second JVM. */
    private static final String MAIN = "dev.veil.Main";

    private JavaFxModules() {
    }

    /** True when this JVM already loaded JavaFX as modules (the app image, or a module path given by hand). */
    static boolean loadedAsModules() {
        return ModuleLayer.boot().findModule("javafx.graphics").isPresent();
    }

    /**
     * The folder of JavaFX's modular jars to restart with, when JavaFX is on the class path here and
     * the folder sits beside the jar this class was loaded from; empty otherwise (the console then
     * starts in this JVM, as before, with JavaFX's warning).
     */
    static Optional<Path> folderToRestartWith() {
        if (loadedAsModules()) {
            return Optional.empty();
        }
        return jarOf(JavaFxModules.class).map(jar -> jar.resolveSibling("javafx")).filter(JavaFxModules::holdsJavaFx);
    }

    /** The command that starts {@code args} again in a JVM like this one, with JavaFX from {@code folder}. */
    static List<String> restartCommand(Path folder, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("--module-path");
        cmd.add(folder.toString());
        cmd.add("--add-modules");
        cmd.add(ROOTS);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs {@code args} again in a second JVM with JavaFX from {@code folder}, sharing this one's
     * terminal, and returns its exit code. Stopping this JVM stops the second one too.
     */
    static int restart(Path folder, List<String> args) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(restartCommand(folder, args)).inheritIO().start();
        Thread stopChild = new Thread(child::destroy, "veil-console-stop");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            return child.waitFor();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private static Optional<Path> jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(source.getLocation().toURI());
            // a classes folder (an IDE, the tests) has no JavaFX folder of its own
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean holdsJavaFx(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .anyMatch(n -> n.startsWith("javafx-graphics-") && n.endsWith(".jar"));
        } catch (IOException e) {
            return false;
        }
    }
}
