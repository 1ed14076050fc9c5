package dev.veil.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads Veil's version from the jar manifest (set from the POM at build time). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"veil " + (v == null ? "development build" : v),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
