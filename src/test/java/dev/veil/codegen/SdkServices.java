package dev.veil.codegen;

import dev.veil.model.Policy;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps the end-to-end tests share to put a generated sanitizer into a small service of each
 * language over a real SDK: compile and load the Java one, write the Python one beside a script,
 * build a TypeScript program with tsc and run it with node. Each test writes its own service code
 * and checks what comes back.
 */
final class SdkServices {

    private SdkServices() {
    }

    /**
     * Compiles {@code policy}'s Java sanitizer in {@code javaPackage} under {@code dir} and loads it
     * over {@code parent}; the caller closes the loader.
     */
    static URLClassLoader javaSanitizer(Policy policy, String javaPackage, Path dir, ClassLoader parent) throws IOException {
        GeneratedFile f = GeneratedCode.generate(Language.JAVA, policy, javaPackage).get(0);
        Path src = dir.resolve("src").resolve(f.relativePath());
        Files.createDirectories(src.getParent());
        Files.writeString(src, f.content());
        Path classes = Files.createDirectories(dir.resolve("classes"));
        GeneratedCode.compileJava(List.of(src), classes);
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, parent);
    }

    /** The Python to run services with, once it is known to import every one of {@code modules}. */
    static String pythonWith(String... modules) {
        String python = Toolchains.python();
        Toolchains.require(Toolchains.works(python, "-c", "import " + String.join(", ", modules)),
                String.join(" and ", modules) + (modules.length == 1 ? " is" : " are") + " not installed for " + python);
        return python;
    }

    /** Writes {@code policy}'s Python sanitizer and {@code script} into {@code dir}, runs the script, returns its output. */
    static String runPython(String python, Policy policy, Path dir, String script, String what, String... args)
            throws IOException {
        GeneratedFile f = GeneratedCode.generate(Language.PYTHON, policy, "x").get(0);
        Files.writeString(dir.resolve(f.relativePath()), f.content());
        Files.writeString(dir.resolve("service.py"), script);
        List<String> command = new ArrayList<>(List.of(python, "service.py"));
        command.addAll(List.of(args));
        return Toolchains.run(dir, command, "").expectSuccess(what).out();
    }

    /**
     * Writes {@code policy}'s TypeScript files and {@code program} ({@code main.ts}) into {@code dir},
     * compiles them with tsc as {@code tsconfig} says (its outDir {@code out}), runs the program with
     * node and returns its output.
     */
    static String runTypeScript(Policy policy, Path dir, String program, String tsconfig, String what, String... args)
            throws IOException {
        Path tsc = Toolchains.tsc();
        Files.createSymbolicLink(dir.resolve("node_modules"), Toolchains.nodeModules());
        for (GeneratedFile f : GeneratedCode.generate(Language.TYPESCRIPT, policy, "x")) {
            Files.writeString(dir.resolve(f.relativePath()), f.content());
        }
        Files.writeString(dir.resolve("main.ts"), program);
        Files.writeString(dir.resolve("tsconfig.json"), tsconfig);
        Toolchains.run(dir, List.of(Toolchains.node(), tsc.toString(), "-p", "tsconfig.json"), "").expectSuccess("tsc --strict");
        List<String> command = new ArrayList<>(List.of(Toolchains.node(), "out/main.js"));
        command.addAll(List.of(args));
        return Toolchains.run(dir, command, "").expectSuccess(what).out();
    }
}
