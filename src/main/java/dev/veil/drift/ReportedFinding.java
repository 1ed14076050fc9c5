package dev.veil.drift;

import dev.veil.model.AttributePath;
import dev.veil.model.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A finding as a report shows it: the finding, where in the policy file it points, machine-readable
 * details, and a fingerprint that stays the same from run to run while the problem persists.
 *
 * @param finding     the finding
 * @param location    the key in the policy file the finding is about; empty without a policy file
 * @param details     facts behind the message, by name, in a fixed order; values are strings,
 *                    numbers, booleans, lists of strings, or maps from strings to strings or numbers
 * @param fingerprint hex SHA-256 of kind, table, path, entity and a discriminator (index name, run date),
 *                    never of numbers that change between runs
 * @param since       the first sampling run of the unbroken series, ending with the audited one, whose data
 *                    shows the finding (for an attribute: the runs that held it, or that lacked it when the
 *                    finding is that it is missing); empty when no run tells
 * @param waiver      the unexpired waiver that acknowledges the finding; empty when it counts
 */
public record ReportedFinding(Finding finding, Optional<SourceLocation> location, Map<String, Object> details,
                              String fingerprint, Optional<Instant> since, Optional<Waiver> waiver) {

    public ReportedFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(location, "location");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(waiver, "waiver");
    }

    /** A finding with no first-seen run and no waiver. */
    public ReportedFinding(Finding finding, Optional<SourceLocation> location, Map<String, Object> details,
                           String fingerprint) {
        this(finding, location, details, fingerprint, Optional.empty(), Optional.empty());
    }

    /** A finding with details and the discriminator that tells it apart from others of its kind on the same path. */
    static ReportedFinding of(Finding finding, Map<String, Object> details, String discriminator) {
        return new ReportedFinding(finding, Optional.empty(), details, fingerprint(finding, discriminator));
    }

    /** A finding that carries no details. */
    public static ReportedFinding of(Finding finding) {
        return of(finding, Map.of(), "");
    }

    ReportedFinding withLocation(Optional<SourceLocation> where) {
        return new ReportedFinding(finding, where, details, fingerprint, since, waiver);
    }

    ReportedFinding withSince(Optional<Instant> first) {
        return new ReportedFinding(finding, location, details, fingerprint, first, waiver);
    }

    ReportedFinding waivedBy(Waiver w) {
        return new ReportedFinding(finding, location, details, fingerprint, since, Optional.of(w));
    }

    private static String fingerprint(Finding f, String discriminator) {
        // The entity joins the identity only where there is one, so findings of tables of one kind keep the
        // fingerprints earlier reports gave them.
        String identity = String.join("\u0000", List.of(f.kind().label(), f.table(),
                f.path().map(AttributePath::toString).orElse(""), discriminator))
                + f.entity().map(e -> "\u0000entity\u0000" + e).orElse("");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
