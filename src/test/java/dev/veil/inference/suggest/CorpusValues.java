package dev.veil.inference.suggest;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic generated values for the labelled corpus, by kind name. Deterministic for a given
 * {@link Random}. Every value is synthetic: random keys, fake people, checksum-valid but
 * unissued numbers.
 */
final class CorpusValues {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String B64 = ALNUM + "+/";
    private static final String B64URL = ALNUM + "-_";
    private static final String CRYPT = "./" + ALNUM;
    private static final String HEX = "0123456789abcdef";
    private static final String[] FIRST = {"Amara", "Jonas", "Priya", "Mateo", "Chloé", "Kenji", "Fatima", "Liam", "Sofia",
        "Olu", "Hannah", "Diego", "Mei", "Noah", "Aylin", "Lucas", "Zara", "Ivan", "Grace", "Omar"};
    private static final String[] LAST = {"Okafor", "Schmidt", "Raman", "García", "Dubois", "Tanaka", "Haddad", "Murphy",
        "Rossi", "Adeyemi", "Weber", "López", "Chen", "Johansson", "Yilmaz", "Martin", "Khan", "Petrov", "Kim", "Silva"};
    private static final String[] WORDS = {"alpha", "harbor", "quiet", "copper", "maple", "signal", "orbit", "linen",
        "ember", "delta", "cobalt", "meadow", "pixel", "summit", "river", "lantern", "granite", "velvet", "nova", "prism"};
    private static final String[] CITIES = {"Berlin", "Lagos", "Pune", "Valencia", "Lyon", "Osaka", "Beirut", "Cork",
        "Turin", "Accra", "Leeds", "Austin", "Porto", "Malmö", "Izmir", "Quebec", "Lahore", "Kazan", "Busan", "Recife"};
    private static final String[] DRUGS = {"metformin 500mg", "lisinopril 10mg", "atorvastatin 20mg", "levothyroxine 50mcg",
        "amlodipine 5mg", "omeprazole 20mg", "sertraline 50mg", "salbutamol inhaler", "insulin glargine", "ibuprofen 400mg"};

    private CorpusValues() {
    }

    /** {@code n} values of {@code kind}; throws for an unknown kind so corpus typos fail loudly. */
    static List<String> generate(String kind, Random r, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(one(kind, r, i));
        }
        return out;
    }

    private static String one(String kind, Random r, int i) {
        if (kind.startsWith("enum:")) {
            String[] options = kind.substring(5).split("\\|");
            return options[r.nextInt(options.length)];
        }
        return switch (kind) {
            case "uuid" -> new UUID(r.nextLong(), r.nextLong()).toString();
            case "int" -> Integer.toString(r.nextInt(5000));
            case "small-int" -> Integer.toString(r.nextInt(12));
            case "price" -> String.format(Locale.ROOT, "%d.%02d", r.nextInt(900), r.nextInt(100));
            case "decimal" -> String.format(Locale.ROOT, "%.2f", r.nextDouble() * 100);
            case "bool" -> Boolean.toString(r.nextBoolean());
            case "binary" -> "bytes-" + i;
            case "words" -> pick(WORDS, r) + " " + pick(WORDS, r) + (r.nextBoolean() ? " " + pick(WORDS, r) : "");
            case "word" -> pick(WORDS, r) + "-" + pick(WORDS, r);
            case "sentence" -> "The " + pick(WORDS, r) + " " + pick(WORDS, r) + " was " + pick(WORDS, r) + " again on day " + i + ".";
            case "url" -> "https://cdn." + pick(WORDS, r) + ".io/" + pick(WORDS, r) + "/" + r.nextInt(100000) + ".png";
            case "timestamp" -> Instant.ofEpochSecond(1_550_000_000L + (long) (r.nextDouble() * 200_000_000L)).toString();
            case "epoch" -> Long.toString(1_550_000_000L + (long) (r.nextDouble() * 200_000_000L));
            case "date-recent" -> LocalDate.ofEpochDay(17_900 + r.nextInt(2500)).toString();
            case "email" -> email(r);
            case "email-example" -> "test" + (i == 0 ? "" : "+" + i) + "@example.com";
            case "phone" -> phone(r);
            case "first-name" -> pick(FIRST, r);
            case "last-name" -> pick(LAST, r);
            case "full-name" -> pick(FIRST, r) + " " + pick(LAST, r);
            case "display-name" -> pick(FIRST, r) + " " + pick(LAST, r).charAt(0) + ".";
            case "username" -> pick(WORDS, r) + "_" + pick(FIRST, r).toLowerCase(Locale.ROOT).replace("é", "e") + r.nextInt(100);
            case "street" -> (1 + r.nextInt(240)) + " " + pick(WORDS, r).substring(0, 1).toUpperCase(Locale.ROOT)
                    + pick(WORDS, r).substring(1) + " " + pick(new String[] {"Street", "Road", "Lane", "Avenue"}, r);
            case "city" -> pick(CITIES, r);
            case "postcode" -> r.nextBoolean() ? String.format(Locale.ROOT, "%05d", r.nextInt(99999))
                    : "LS" + (1 + r.nextInt(20)) + " " + r.nextInt(10) + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
            case "country" -> pick(new String[] {"DE", "NG", "IN", "ES", "FR", "JP", "LB", "IE", "IT", "GH", "GB", "US"}, r);
            case "dob" -> LocalDate.ofEpochDay(-10_000 + r.nextInt(23_000)).toString();
            case "ip" -> r.nextInt(5) == 0 ? "2a02:8108:" + Integer.toHexString(r.nextInt(65536)) + "::" + Integer.toHexString(1 + r.nextInt(65535))
                    : (11 + r.nextInt(180)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            case "latlon" -> String.format(Locale.ROOT, "%.5f, %.5f", -60 + r.nextDouble() * 120, -170 + r.nextDouble() * 340);
            case "lat" -> String.format(Locale.ROOT, "%.6f", -60 + r.nextDouble() * 120);
            case "lon" -> String.format(Locale.ROOT, "%.6f", -170 + r.nextDouble() * 340);
            case "ssn" -> String.format(Locale.ROOT, "%03d-%02d-%04d", 1 + r.nextInt(660), 1 + r.nextInt(98), 1 + r.nextInt(9998));
            case "nino" -> "" + pick(new String[] {"A", "B", "C", "E", "H", "J", "K", "L", "M", "P", "R", "S", "W"}, r)
                    + pick(new String[] {"A", "B", "C", "E", "H", "J", "K", "L", "M", "P", "R", "S", "W"}, r)
                    + String.format(Locale.ROOT, "%06d", r.nextInt(1_000_000)) + "ABCD".charAt(r.nextInt(4));
            case "passport" -> "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)) + String.format(Locale.ROOT, "%07d", r.nextInt(10_000_000));
            case "card" -> card(r);
            case "last4" -> String.format(Locale.ROOT, "%04d", r.nextInt(10000));
            case "exp-month" -> Integer.toString(1 + r.nextInt(12));
            case "exp-year" -> Integer.toString(2026 + r.nextInt(8));
            case "iban" -> iban(r);
            case "account-number" -> String.format(Locale.ROOT, "%08d", r.nextInt(100_000_000));
            case "sort-code" -> String.format(Locale.ROOT, "%02d-%02d-%02d", r.nextInt(100), r.nextInt(100), r.nextInt(100));
            case "cvc" -> String.format(Locale.ROOT, "%03d", r.nextInt(1000));
            case "pin" -> String.format(Locale.ROOT, "%04d", r.nextInt(10000));
            case "otp" -> String.format(Locale.ROOT, "%06d", r.nextInt(1_000_000));
            case "icd10" -> "" + (char) ('A' + r.nextInt(26)) + String.format(Locale.ROOT, "%02d.%d", r.nextInt(100), r.nextInt(10));
            case "medication" -> pick(DRUGS, r);
            case "mrn" -> "MRN-" + String.format(Locale.ROOT, "%07d", r.nextInt(10_000_000));
            case "mac" -> String.format(Locale.ROOT, "%02X:%02X:%02X:%02X:%02X:%02X", r.nextInt(256), r.nextInt(256), r.nextInt(256),
                    r.nextInt(256), r.nextInt(256), r.nextInt(256));
            case "imei" -> "35" + String.format(Locale.ROOT, "%013d", (long) (r.nextDouble() * 1e13));
            case "bcrypt" -> "$2b$12$" + random(r, CRYPT, 53);
            case "argon2" -> "$argon2id$v=19$m=65536,t=3,p=4$" + random(r, B64, 22) + "$" + random(r, B64, 43);
            case "pbkdf2" -> "pbkdf2_sha256$600000$" + random(r, ALNUM, 22) + "$" + random(r, B64, 43) + "=";
            case "scrypt" -> "$scrypt$ln=16,r=8,p=1$" + random(r, B64, 22) + "$" + random(r, B64, 43);
            case "crypt" -> "$6$" + random(r, CRYPT, 16) + "$" + random(r, CRYPT, 86);
            case "hex32" -> random(r, HEX, 32);
            case "hex40" -> random(r, HEX, 40);
            case "hex64" -> random(r, HEX, 64);
            case "base64-32" -> base64(r, 32);
            case "jwt" -> jwt(r);
            case "aws-key-id" -> "AKIA" + random(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
            case "aws-key-id-example" -> i % 2 == 0 ? "AKIAIOSFODNN7EXAMPLE" : "AKIA" + random(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 9) + "EXAMPLE";
            case "aws-secret" -> random(r, B64, 40);
            case "github" -> "gh" + "p_" + random(r, ALNUM, 36);
            case "slack-webhook" -> "https://hooks.slack.com/services/T" + random(r, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 8)
                    + "/B" + random(r, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 10) + "/" + random(r, ALNUM, 24);
            case "stripe" -> "sk" + "_live_" + random(r, ALNUM, 24);
            case "stripe-whsec" -> "wh" + "sec_" + random(r, ALNUM, 32);
            case "stripe-cus" -> "cus_" + random(r, ALNUM, 14);
            case "stripe-pm" -> "pm_" + random(r, ALNUM, 24);
            case "google" -> "AI" + "za" + random(r, B64URL, 35);
            case "pem" -> "-----BEGIN RSA PRIVATE KEY-----\n" + random(r, B64, 64) + "\n" + random(r, B64, 64) + "\n-----END RSA PRIVATE KEY-----\n";
            case "pem-cert" -> "-----BEGIN CERTIFICATE-----\n" + random(r, B64, 64) + "\n" + random(r, B64, 64) + "\n-----END CERTIFICATE-----\n";
            case "ssh-public-key" -> "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + random(r, B64, 43) + " " + pick(WORDS, r) + "@laptop";
            case "token" -> random(r, ALNUM, 32);
            case "token-hex" -> random(r, HEX, 48);
            case "base32-secret" -> random(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 32);
            case "recovery-code" -> random(r, "abcdefghijkmnpqrstuvwxyz23456789", 5) + "-" + random(r, "abcdefghijkmnpqrstuvwxyz23456789", 5);
            case "firebase-uid" -> random(r, ALNUM, 28);
            case "store-id" -> "CVS-" + String.format(Locale.ROOT, "%05d", r.nextInt(100_000));
            case "year-code" -> "AY" + (2015 + r.nextInt(12)) + "-" + (16 + r.nextInt(12));
            case "arn" -> "arn:aws:kms:eu-west-1:" + String.format(Locale.ROOT, "%012d", (long) (r.nextDouble() * 1e12)) + ":key/"
                    + new UUID(r.nextLong(), r.nextLong());
            case "hostname" -> "smtp." + pick(WORDS, r) + ".com";
            case "domain" -> pick(WORDS, r) + "-" + pick(WORDS, r) + ".com";
            case "semver" -> (1 + r.nextInt(4)) + "." + r.nextInt(20) + "." + r.nextInt(40);
            case "serial" -> "SN" + String.format(Locale.ROOT, "%010d", (long) (r.nextDouble() * 1e10));
            case "geohash" -> random(r, "0123456789bcdefghjkmnpqrstuvwxyz", 9);
            case "iccid" -> "8944" + String.format(Locale.ROOT, "%015d", (long) (r.nextDouble() * 1e15));
            case "connection-string" -> "postgres://app:" + random(r, ALNUM, 20) + "@db." + pick(WORDS, r) + ".internal:5432/app";
            default -> throw new IllegalArgumentException("unknown value kind `" + kind + "` in the corpus; add it to CorpusValues");
        };
    }

    private static String pick(String[] options, Random r) {
        return options[r.nextInt(options.length)];
    }

    private static String random(Random r, String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String base64(Random r, int bytes) {
        byte[] b = new byte[bytes];
        r.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static String email(Random r) {
        String first = pick(FIRST, r).toLowerCase(Locale.ROOT).replace("é", "e");
        String last = pick(LAST, r).toLowerCase(Locale.ROOT).replace("í", "i").replace("ó", "o");
        String domain = pick(new String[] {"gmail.com", "outlook.com", "proton.me", "web.de", "yahoo.co.uk", "acme-corp.io"}, r);
        return first + (r.nextBoolean() ? "." : "_") + last + (r.nextInt(3) == 0 ? Integer.toString(r.nextInt(100)) : "") + "@" + domain;
    }

    private static String phone(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "+1" + (200 + r.nextInt(700)) + (200 + r.nextInt(700)) + String.format(Locale.ROOT, "%04d", r.nextInt(10000));
            case 1 -> "+44 7" + (100 + r.nextInt(800)) + " " + String.format(Locale.ROOT, "%06d", r.nextInt(1_000_000));
            case 2 -> "(" + (200 + r.nextInt(700)) + ") " + (200 + r.nextInt(700)) + "-" + String.format(Locale.ROOT, "%04d", r.nextInt(10000));
            default -> "+49 30 " + (1_000_000 + r.nextInt(8_000_000));
        };
    }

    /** A Luhn-valid Visa or Mastercard number that no issuer has given out on purpose. */
    private static String card(Random r) {
        StringBuilder sb = new StringBuilder(r.nextBoolean() ? "4" : "5" + (1 + r.nextInt(5)));
        while (sb.length() < 15) {
            sb.append(r.nextInt(10));
        }
        for (int d = 0; d < 10; d++) {
            String candidate = sb.toString() + d;
            if (luhn(candidate)) {
                return r.nextBoolean() ? candidate : candidate.replaceAll("(\\d{4})(?=\\d)", "$1 ");
            }
        }
        throw new IllegalStateException("unreachable: one check digit always fits");
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** A checksum-valid German IBAN with a random account. */
    private static String iban(Random r) {
        String bban = String.format(Locale.ROOT, "%08d%010d", r.nextInt(100_000_000), (long) (r.nextDouble() * 1e10));
        String numeric = bban + "1314" + "00"; // D=13, E=14
        int check = 98 - new BigInteger(numeric).mod(BigInteger.valueOf(97)).intValue();
        return "DE" + String.format(Locale.ROOT, "%02d", check) + bban;
    }

    private static String jwt(Random r) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String header = enc.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = enc.encodeToString(("{\"sub\":\"" + new UUID(r.nextLong(), r.nextLong()) + "\",\"iat\":"
                + (1_700_000_000 + r.nextInt(50_000_000)) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + random(r, B64URL, 86);
    }
}
