package dev.veil.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic but realistic-looking values, all drawn from one seeded {@link Random} so the same
 * seed always gives the same data. Nothing here is a real person, card or secret. Values are
 * deliberately NOT in the published example ranges (example.com, 555-01xx, 192.0.2.0/24): Veil
 * lowers its confidence for those, and the demo should look like a production table. E-mail
 * domains are invented, IP addresses private, phone numbers random.
 */
final class Fake {

    private static final String[] FIRST = {"Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara",
        "Ken", "Frances", "Edsger", "Radia", "Tim", "Hedy", "Claude", "Katherine", "John", "Sophie", "Yukihiro",
        "Anita", "Guido", "Mary", "Bjarne", "Lynn", "Niklaus", "Shafi", "Donald", "Joan", "Leslie", "Zoë", "José",
        "Søren", "Amélie", "Chidi", "Priya", "Mei", "Olusegun", "Ingrid", "Tomás", "Aiko", "Farah"};
    private static final String[] LAST = {"Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Ritchie",
        "Liskov", "Thompson", "Allen", "Dijkstra", "Perlman", "Berners-Lee", "Lamarr", "Shannon", "Johnson",
        "McCarthy", "Wilson", "Matsumoto", "Borg", "van Rossum", "Kenyon", "Stroustrup", "Conway", "Wirth",
        "Goldwasser", "Knuth", "Clarke", "Lamport", "Okafor", "Patel", "Chen", "Adeyemi", "Larsen", "García",
        "Tanaka", "Haddad", "Müller", "O'Brien", "Nguyen", "Kowalski"};
    private static final String[] STREETS = {"Main Street", "High Street", "Station Road", "Elm Avenue",
        "Harbour View", "Rue de la Paix", "Kastanienallee", "Calle Mayor", "Maple Drive", "Church Lane",
        "Bahnhofstraße", "Via Roma", "Sakura-dori", "King's Road", "Oak Court"};
    private static final String[][] PLACES = {
        {"Springfield", "US", "62701"}, {"Portland", "US", "97201"}, {"Austin", "US", "73301"},
        {"London", "GB", "SW1A 1AA"}, {"Manchester", "GB", "M1 1AE"}, {"Paris", "FR", "75001"},
        {"Lyon", "FR", "69001"}, {"Berlin", "DE", "10115"}, {"München", "DE", "80331"},
        {"Madrid", "ES", "28001"}, {"Roma", "IT", "00118"}, {"Tokyo", "JP", "100-0001"},
        {"Toronto", "CA", "M5H 2N2"}, {"Sydney", "AU", "2000"}, {"Lagos", "NG", "100001"}};
    /** Invented mail domains: realistic enough that detectors treat the demo like production data. */
    private static final String[] DOMAINS = {"veilmail.dev", "inbox-demo.net", "corp-demo.io", "mailhub-demo.com"};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
        "VeilDemoApp/3.2.1 (Android 14; Pixel 8)", "okhttp/4.12.0", "python-requests/2.32.3"};
    private static final String BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String BASE64URL = BASE62 + "-_";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String HEX = "0123456789abcdef";
    /** The demo's "now": fixed so that dates do not depend on when the demo runs. */
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private final Random random;

    Fake(long seed) {
        this.random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    String firstName() {
        return pick(FIRST);
    }

    String lastName() {
        return pick(LAST);
    }

    String email(String first, String last) {
        String local = (ascii(first) + "." + ascii(last)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "");
        return local + (chance(0.4) ? between(1, 99) : "") + "@" + pick(DOMAINS);
    }

    String username(String first, String last) {
        return (ascii(first).substring(0, 1) + ascii(last)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")
                + between(1, 9999);
    }

    /** A random North-American-shaped phone number. */
    String phone() {
        return String.format(Locale.ROOT, "+1-%03d-%03d-%04d", between(201, 989), between(201, 989), nextInt(10_000));
    }

    /** Shaped like a bcrypt hash: {@code $2b$12$} and 53 characters of its alphabet. */
    String bcrypt() {
        return "$2b$12$" + chars(BCRYPT_ALPHABET, 53);
    }

    String apiKey() {
        return "vk_live_" + chars(BASE62, 32);
    }

    /** An opaque bearer/session token, base64url. */
    String token() {
        return chars(BASE64URL, 43);
    }

    String totpSecret() {
        return chars(BASE32, 32);
    }

    String hex(int length) {
        return chars(HEX, length);
    }

    /** A positive integer of exactly {@code length} digits, as text. */
    String digits(int length) {
        return between(1, 9) + chars("0123456789", length - 1);
    }

    String id(String prefix, int length) {
        return prefix + chars(BASE62, length);
    }

    /** An IPv4 address in the documentation ranges (RFC 5737). */
    String ipAddress() {
        String[] nets = {"10.20.", "172.18.", "192.168."};
        return pick(nets) + between(0, 255) + "." + between(1, 254);
    }

    String userAgent() {
        return pick(AGENTS);
    }

    String street() {
        return between(1, 250) + " " + pick(STREETS);
    }

    /** City, country code and postcode of one place. */
    String[] place() {
        return pick(PLACES);
    }

    /** An instant up to {@code days} days before {@link #NOW}. */
    Instant pastInstant(int days) {
        return NOW.minusSeconds((long) nextInt(days) * 86_400 + nextInt(86_400)).truncatedTo(ChronoUnit.SECONDS);
    }

    LocalDate birthDate() {
        return LocalDate.of(1950, 1, 1).plusDays(nextInt(365 * 55));
    }

    /** A price with two decimals, as DynamoDB number text. */
    String money(int minCents, int maxCents) {
        int cents = between(minCents, maxCents);
        return cents / 100 + "." + String.format(Locale.ROOT, "%02d", cents % 100);
    }

    byte[] bytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    /** A few distinct values out of {@code values}. */
    List<String> someOf(String[] values, int min, int max) {
        Set<String> out = new LinkedHashSet<>();
        int want = between(min, Math.min(max, values.length));
        while (out.size() < want) {
            out.add(pick(values));
        }
        return new ArrayList<>(out);
    }

    private String chars(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ø", "o").replace("Ø", "O").replace("ß", "ss");
    }
}
