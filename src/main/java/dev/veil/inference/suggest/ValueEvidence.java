package dev.veil.inference.suggest;

import dev.veil.inference.detect.Leaning;
import dev.veil.inference.detect.LeaningDetector;
import dev.veil.model.AttributeProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the sampled values say about an attribute, read from the hit counts in its profile.
 * A detector's ratio counts once it reaches {@link #MIN_RATIO} (or the detector's own, higher,
 * minimum) of the scanned values and the attribute has at least {@link #MIN_DISTINCT} distinct
 * values (one default digest copied into every item is not evidence of a column of digests).
 * Distinctive detectors (a provider token, a private key) count at any ratio and cardinality. Its weight grows with the ratio up to the
 * detector's strength. Hits of shape-only detectors are explained away by an identifier name.
 *
 * @param evidence     the ratios that count
 * @param notes        ratios that were seen but did not count and why, and the share of
 *                     published example values
 * @param exampleRatio the share of values that are published example values
 */
public record ValueEvidence(List<Evidence> evidence, List<String> notes, double exampleRatio) {

    /** Share of scanned values a detector must recognise before its ratio counts. */
    public static final double MIN_RATIO = 0.2;
    /** Distinct values an attribute needs before any ratio counts. */
    public static final long MIN_DISTINCT = 5;
    /** Least share of its strength a distinctive detector's hits carry, however few they are. */
    public static final double DISTINCTIVE_FLOOR = 0.6;
    /** Distinct values at which a ratio counts in full; below, it counts for 80%. */
    public static final long FULL_DISTINCT = 20;

    public ValueEvidence {
        evidence = List.copyOf(evidence);
        notes = List.copyOf(notes);
    }

    /** No values seen. */
    public static ValueEvidence none() {
        return new ValueEvidence(List.of(), List.of(), 0);
    }

    /**
     * Reads {@code profile}'s hit counts through {@code detectors} (by id; unknown ids are
     * ignored). {@code identifierReason} is the name evidence that marks an identifier, which
     * explains random-looking values, if the name has one.
     */
    public static ValueEvidence of(AttributeProfile profile, Map<String, LeaningDetector> detectors,
                                   Optional<String> identifierReason) {
        long scanned = profile.valuesScanned();
        if (scanned == 0) {
            return none();
        }
        List<Evidence> evidence = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double example = 0;
        for (Map.Entry<String, Long> hit : profile.detectorHits().entrySet()) {
            LeaningDetector d = detectors.get(hit.getKey());
            if (d == null || hit.getValue() <= 0) {
                continue;
            }
            double ratio = Math.min(1, (double) hit.getValue() / scanned);
            String share = share(hit.getValue(), scanned) + " look like " + d.description();
            if (d.leaning() == Leaning.EXAMPLE) {
                example = ratio;
                notes.add(0, share(hit.getValue(), scanned) + " are published example values, so confidence is lowered");
            } else if (d.distinctive()) {
                // a provider's token, a private key, a bcrypt hash: one is a credential, at any cardinality
                double weight = d.strength() * Math.max(DISTINCTIVE_FLOOR, ramp(ratio));
                d.leaning().classification().ifPresent(c -> evidence.add(new Evidence(c, weight, share)));
            } else if (ratio < Math.max(MIN_RATIO, d.minRatio())) {
                if (ratio >= MIN_RATIO) {
                    notes.add(share + ", too few to count (needs " + Math.round(d.minRatio() * 100) + "%)");
                }
            } else if (profile.distinctEstimate() < MIN_DISTINCT) {
                notes.add(share + ", but only " + profile.distinctEstimate() + " distinct values were seen (needs "
                        + MIN_DISTINCT + "), so they do not count");
            } else if (d.shapeOnly() && identifierReason.isPresent()) {
                notes.add(share + "; read as identifiers, given the " + identifierReason.get());
            } else {
                double distinct = profile.distinctEstimate() >= FULL_DISTINCT ? 1 : 0.8;
                double weight = d.strength() * ramp(ratio) * distinct;
                d.leaning().classification().ifPresent(c -> evidence.add(new Evidence(c, weight, share)));
            }
        }
        return new ValueEvidence(evidence, notes, example);
    }

    /** 0 at 10%, rising to 1 at 70% and above. */
    private static double ramp(double ratio) {
        return Math.max(0, Math.min(1, (ratio - 0.1) / 0.6));
    }

    /** "97% of 412 values": rounded, but never 100% unless all, never 0% unless none. */
    static String share(long hits, long total) {
        long percent = Math.round(100.0 * hits / total);
        if (hits < total) {
            percent = Math.min(percent, 99);
        }
        if (hits > 0) {
            percent = Math.max(percent, 1);
        }
        return percent + "% of " + total + (total == 1 ? " value" : " values");
    }
}
