package dev.veil.cli;

import java.util.Map;

/**
 * Sets the levels of SLF4J's simple binding before anything logs: quiet by default (Veil's
 * warnings, the libraries' errors), {@code --verbose} for what Veil does, {@code VEIL_DEBUG}
 * (in the command line's injected environment) for everything, libraries included. Logs go to
 * stderr only, so stdout keeps nothing but results. A {@code -Dorg.slf4j.simpleLogger...} given
 * to the JVM wins. The binding reads its settings once per process: the first command decides.
 */
final class Logging {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    /** Levels for one run of the command line. */
    static void configure(boolean verbose, Map<String, String> env) {
        boolean debug = debug(env);
        setIfAbsent("logFile", "System.err");
        setIfAbsent("showThreadName", "false");
        setIfAbsent("showShortLogName", "true");
        setIfAbsent("levelInBrackets", "true");
        setIfAbsent("defaultLogLevel", debug ? "debug" : verbose ? "warn" : "error");
        setIfAbsent("log.dev.veil", debug || verbose ? "debug" : "warn");
    }

    /** {@code VEIL_DEBUG} set to anything but empty or 0. */
    static boolean debug(Map<String, String> env) {
        String value = env.get("VEIL_DEBUG");
        return value != null && !value.isBlank() && !value.equals("0");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
