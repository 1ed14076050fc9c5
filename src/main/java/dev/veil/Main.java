package dev.veil;

import dev.veil.cli.VeilCommandLine;

/** Entry point of {@code veil.jar}: the command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(VeilCommandLine.forArguments(args).execute(args));
    }
}
