package dev.veil.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * A shared workspace in a PostgreSQL database. Not a record on purpose: it holds the password,
 * which no accessor, {@code toString}, message or log may show; {@link #toString()} is the URL
 * with every password redacted.
 */
public final class PostgresLocation implements WorkspaceLocation {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&][^=&]*password[^=&]*=)[^&]*");

    private final String shown;
    private final String url;
    private final String host;
    private final String port;
    private final String database;
    private final String user;
    private final Optional<String> password;

    private PostgresLocation(String shown, String url, String host, String port, String database, String user,
                             Optional<String> password) {
        this.shown = shown;
        this.url = url;
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    static PostgresLocation parse(String text, Optional<String> pgPassword) {
        String shown = redact(text);
        Properties parsed = Driver.parseURL(text, new Properties());
        if (parsed == null) {
            throw new IllegalArgumentException("workspace " + shown + " is not a PostgreSQL JDBC URL; write it like "
                    + "jdbc:postgresql://HOST:5432/DB?user=U (the password in PGPASSWORD or &password=P)");
        }
        String user = parsed.getProperty("user", "");
        if (user.isBlank()) {
            throw new IllegalArgumentException("workspace " + shown + " names no database user; add ?user=U to the "
                    + "URL, like jdbc:postgresql://HOST:5432/DB?user=U");
        }
        Optional<String> password = Optional.ofNullable(parsed.getProperty("password"))
                .or(() -> pgPassword.filter(p -> !p.isEmpty()));
        return new PostgresLocation(shown, withoutPasswords(text), parsed.getProperty("PGHOST", "localhost"),
                parsed.getProperty("PGPORT", "5432"), parsed.getProperty("PGDBNAME", ""), user, password);
    }

    /** {@code text} with the value of every password parameter replaced by {@code ***}. */
    static String redact(String text) {
        return PASSWORD_PARAMETER.matcher(text).replaceAll("$1***");
    }

    // The URL the driver is given: the password travels apart from it, so no URL Veil holds carries it.
    static String withoutPasswords(String text) {
        int q = text.indexOf('?');
        if (q < 0) {
            return text;
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : text.substring(q + 1).split("&")) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            if (!name.equalsIgnoreCase("password") && !parameter.isEmpty()) {
                kept.add(parameter);
            }
        }
        return text.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    /** The JDBC URL without any password. */
    String url() {
        return url;
    }

    /** {@code HOST:PORT} as the URL names them, for messages. */
    public String hostAndPort() {
        return host + ":" + port;
    }

    /** The database name. */
    public String database() {
        return database;
    }

    /** The database user. */
    public String user() {
        return user;
    }

    Optional<String> password() {
        return password;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostgresLocation other && url.equals(other.url) && password.equals(other.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, password);
    }

    @Override
    public String toString() {
        return shown;
    }
}
