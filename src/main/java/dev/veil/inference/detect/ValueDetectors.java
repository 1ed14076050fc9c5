package dev.veil.inference.detect;

import java.util.List;
import java.util.Optional;

/**
 * The shipped detector set. {@link #standard()} is what the profile accumulator runs over
 * every scalar value; {@link #catalog()} is the same set typed for the suggestion engine,
 * which needs each detector's leaning.
 */
public final class ValueDetectors {

    private static final List<LeaningDetector> CATALOG = List.of(
            new EmailDetector(),
            new PhoneDetector(),
            new PaymentCardDetector(),
            new IbanDetector(),
            new NationalIdDetector(),
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
            AwsKeyDetector.accessKeyId(),
            AwsKeyDetector.secretAccessKey(),
            ServiceTokenDetector.github(),
            ServiceTokenDetector.slack(),
            ServiceTokenDetector.stripe(),
            ServiceTokenDetector.google(),
            new PemPrivateKeyDetector(),
            new RandomTokenDetector(),
            new ExampleValueDetector());

    private ValueDetectors() {
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
