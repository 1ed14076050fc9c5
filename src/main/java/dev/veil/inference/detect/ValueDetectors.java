package dev.veil.inference.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shipped detector set. {@link #standard()} is what the profile accumulator runs over
 * every scalar value; {@link #catalog()} is the same set typed for the suggestion engine,
 * which needs each detector's leaning.
 */
public final class ValueDetectors {

    /** Each family of {@code token-formats.tsv}: what its hits are called in reasons. */
    private static final Map<String, String> FAMILIES = families();

    private static final List<LeaningDetector> CATALOG = catalogue(List.of(
            new EmailDetector(),
            new PhoneDetector(),
            new PaymentCardDetector(),
            new IbanDetector(),
            new NationalIdDetector(),
            new IdentityDocumentDetector(),
            new BicDetector(),
            new MacAddressDetector(),
            new IpAddressDetector(),
            new GeoCoordinatesDetector(),
            new BirthDateDetector(),
            new JwtDetector(),
            PasswordHashDetector.bcrypt(),
            PasswordHashDetector.argon2(),
            PasswordHashDetector.scrypt(),
            PasswordHashDetector.pbkdf2(),
            PasswordHashDetector.crypt(),
            DigestDetector.hex(),
            DigestDetector.base64(),
            AwsKeyDetector.secretAccessKey(),
            new PemPrivateKeyDetector(),
            new RandomTokenDetector(),
            new ExampleValueDetector()));

    private ValueDetectors() {
    }

    private static Map<String, String> families() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("aws-access-key-id", "AWS access key ids and session tokens");
        f.put("github-token", "GitHub tokens");
        f.put("gitlab-token", "GitLab tokens");
        f.put("code-hosting", "code-hosting, CI and package-registry tokens");
        f.put("saas-token", "SaaS API keys and tokens");
        f.put("cloud-credential", "cloud provider keys and connection strings");
        f.put("google-credential", "Google API keys and OAuth secrets");
        f.put("ai-api-key", "AI provider API keys");
        f.put("slack-token", "chat tokens and webhook URLs (Slack, Discord, Teams, Telegram)");
        f.put("stripe-key", "payment provider secret keys");
        f.put("url-credential", "connection strings and URLs with passwords");
        return Map.copyOf(f);
    }

    /** The hand-written detectors plus one detector per family of the token-format table. */
    private static List<LeaningDetector> catalogue(List<LeaningDetector> coded) {
        List<LeaningDetector> out = new ArrayList<>(coded);
        // credentials before the generic shapes they would otherwise also count as
        int at = out.indexOf(out.stream().filter(d -> d.id().equals("hex-digest")).findFirst().orElseThrow());
        List<LeaningDetector> tokens = new ArrayList<>();
        TokenFormats.byFamily().forEach((family, formats) -> {
            String description = FAMILIES.get(family);
            if (description == null) {
                throw new IllegalStateException(TokenFormats.RESOURCE + " names an unknown family " + family
                        + "; add it to ValueDetectors");
            }
            tokens.add(new TokenFamilyDetector(family, description, 0.95, formats));
        });
        out.addAll(at, tokens);
        return List.copyOf(out);
    }

    /** The shipped detectors, in a fixed order; all are stateless and thread-safe. */
    public static List<ValueDetector> standard() {
        return List.copyOf(CATALOG);
    }

    /** The shipped detectors with their leanings. */
    public static List<LeaningDetector> catalog() {
        return CATALOG;
    }

    /** The shipped detector with this id. */
    public static Optional<LeaningDetector> byId(String id) {
        return CATALOG.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
