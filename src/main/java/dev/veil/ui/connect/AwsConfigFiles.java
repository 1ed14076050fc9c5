package dev.veil.ui.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads profile names and regions from the user's AWS config and credentials files
 * ({@code ~/.aws/config}, {@code ~/.aws/credentials}, or {@code AWS_CONFIG_FILE} /
 * {@code AWS_SHARED_CREDENTIALS_FILE}). It looks at section headers and {@code region} lines
 * only: keys and tokens are never read into memory as values.
 */
public final class AwsConfigFiles {
    private final Path config;
    private final Path credentials;

    public AwsConfigFiles(Path config, Path credentials) {
        this.config = config;
        this.credentials = credentials;
    }

    /** The files the AWS SDK would read for this environment and home directory. */
    public static AwsConfigFiles fromEnvironment(Map<String, String> env, Path home) {
        Path dir = home.resolve(".aws");
        return new AwsConfigFiles(
                Optional.ofNullable(env.get("AWS_CONFIG_FILE")).filter(s -> !s.isBlank()).map(Path::of)
                        .orElse(dir.resolve("config")),
                Optional.ofNullable(env.get("AWS_SHARED_CREDENTIALS_FILE")).filter(s -> !s.isBlank()).map(Path::of)
                        .orElse(dir.resolve("credentials")));
    }

    /** Every profile either file names, {@code default} first, then by name. Missing files give none. */
    public List<AwsProfile> profiles() {
        Map<String, Optional<String>> regions = new TreeMap<>();
        read(credentials, false, regions);
        read(config, true, regions);
        List<AwsProfile> out = new ArrayList<>();
        regions.forEach((name, region) -> out.add(new AwsProfile(name, region)));
        out.sort(Comparator.comparing((AwsProfile p) -> !p.name().equals("default")).thenComparing(AwsProfile::name));
        return out;
    }

    private static void read(Path file, boolean isConfig, Map<String, Optional<String>> regions) {
        List<String> lines;
        try {
            lines = Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return; // an unreadable file names no profiles; the steward can still type an endpoint
        }
        Optional<String> section = Optional.empty();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                section = profileName(line.substring(1, line.length() - 1).strip(), isConfig);
                section.ifPresent(n -> regions.putIfAbsent(n, Optional.empty()));
            } else if (section.isPresent() && isRegionLine(line)) {
                String value = line.substring(line.indexOf('=') + 1).strip();
                if (!value.isEmpty()) {
                    regions.put(section.get(), Optional.of(value));
                }
            }
        }
    }

    /** In config, profiles are "default" or "profile NAME"; other sections (sso-session, services) are not. */
    private static Optional<String> profileName(String header, boolean isConfig) {
        if (!isConfig || header.equals("default")) {
            return header.isEmpty() ? Optional.empty() : Optional.of(header);
        }
        if (header.startsWith("profile ") || header.startsWith("profile\t")) {
            String name = header.substring("profile".length()).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        }
        return Optional.empty();
    }

    private static boolean isRegionLine(String line) {
        int eq = line.indexOf('=');
        return eq > 0 && line.substring(0, eq).strip().equals("region");
    }
}
