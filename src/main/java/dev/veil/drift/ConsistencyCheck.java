package dev.veil.drift;

import static dev.veil.drift.Wording.code;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.FindingKind;
import dev.veil.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Finds the same data classified differently in different tables ({@code inconsistent-class}).
 * "The same" means the same full attribute path ({@code preferences.notifications.email} is compared
 * with {@code preferences.notifications.email} only, never with a top-level {@code email}) holding a
 * compatible type (the types the policy records or the sample saw overlap, or one side does not say),
 * unless both samples say the values are of different kinds (a different dominant value detector, at
 * least {@value #DOMINANT} of the values scanned, {@value #MIN_VALUES} values or more). A class is the
 * published one, else the newest decision. Each attribute classified wider than its counterpart in
 * another table is reported: HIGH when it is public, MEDIUM when owner-only against secret.
 */
final class ConsistencyCheck {

    static final double DOMINANT = 0.8;
    static final long MIN_VALUES = 3;

    private ConsistencyCheck() {
    }

    /** One classified attribute of one table. */
    private record Member(TableEvidence table, AttributePath path, Classification cls, String basis,
                          Set<DynamoType> types, Optional<String> detector) {
        boolean sameTable(Member o) {
            return table.table().equals(o.table.table());
        }

        boolean comparableWith(Member o) {
            boolean typesOverlap = types.isEmpty() || o.types.isEmpty() || types.stream().anyMatch(o.types::contains);
            boolean detectorsAgree = detector.isEmpty() || o.detector.isEmpty() || detector.equals(o.detector);
            return typesOverlap && detectorsAgree;
        }
    }

    static List<ReportedFinding> run(List<TableEvidence> tables) {
        List<Member> members = tables.stream().flatMap(t -> members(t).stream()).toList();
        Map<String, ReportedFinding> found = new LinkedHashMap<>();
        group(members).values().forEach(group -> conflicts(group, found));
        return new ArrayList<>(found.values());
    }

    private static List<Member> members(TableEvidence t) {
        Set<AttributePath> paths = new LinkedHashSet<>(t.policyRules().keySet());
        paths.addAll(t.decisions().keySet());
        List<Member> out = new ArrayList<>();
        for (AttributePath path : paths) {
            if (path.endsWithElements()) {
                continue;
            }
            Optional<Classification> published = t.publishedClass(path);
            Optional<Classification> cls = published.or(() -> t.decision(path).map(d -> d.classification()));
            String basis = published.isPresent() ? t.policyName() : "tagged, not yet published";
            cls.ifPresent(c -> out.add(new Member(t, path, c, basis, types(t, path),
                    t.observed(path).flatMap(ConsistencyCheck::detector))));
        }
        return out;
    }

    /** The types the sample saw at the path, else the ones the policy records; empty when neither says. */
    private static Set<DynamoType> types(TableEvidence t, AttributePath path) {
        Set<DynamoType> out = EnumSet.noneOf(DynamoType.class);
        t.observed(path).ifPresent(a -> a.types().forEach((type, n) -> {
            if (n > 0) {
                out.add(type);
            }
        }));
        if (out.isEmpty()) {
            Optional.ofNullable(t.policyRules().get(path)).ifPresent(r -> out.addAll(r.types()));
        }
        return out;
    }

    /** The detector that recognised most values, when it recognised enough of them to say what they are. */
    static Optional<String> detector(AttributeProfile a) {
        if (a.valuesScanned() < MIN_VALUES) {
            return Optional.empty();
        }
        return a.detectorHits().keySet().stream()
                .filter(id -> a.hitRatio(id) >= DOMINANT)
                .max(Comparator.comparingDouble(a::hitRatio).thenComparing(Comparator.reverseOrder()));
    }

    private static Map<AttributePath, List<Member>> group(List<Member> members) {
        Map<AttributePath, List<Member>> out = new TreeMap<>();
        members.forEach(m -> out.computeIfAbsent(m.path, x -> new ArrayList<>()).add(m));
        return out;
    }

    private static void conflicts(List<Member> group, Map<String, ReportedFinding> found) {
        for (Member m : group) {
            List<Member> narrower = group.stream()
                    .filter(o -> !o.sameTable(m) && m.comparableWith(o) && m.cls.isWiderThan(o.cls))
                    .sorted(Comparator.comparing((Member o) -> o.cls).reversed()
                            .thenComparing(o -> o.table.table()).thenComparing(o -> o.path))
                    .toList();
            if (!narrower.isEmpty()) {
                found.putIfAbsent(m.table.table() + "\u0000" + m.table.entity().orElse("") + "\u0000" + m.path,
                        finding(m, narrower, group));
            }
        }
    }

    private static ReportedFinding finding(Member m, List<Member> narrower, List<Member> group) {
        Classification target = narrower.get(0).cls;
        String elsewhere = narrower.stream()
                .map(o -> o.cls.label() + " as " + code(o.path) + " in " + o.table.label() + " (" + o.basis + ")")
                .collect(Collectors.joining("; "));
        String msg = code(m.path) + " is " + m.cls.label() + " in " + m.table.label() + " (" + m.basis + "), but "
                + "the same attribute is classified more narrowly elsewhere: " + elsewhere + ".";
        String action = "agree on one class for this data; if " + code(m.path) + " in " + m.table.label()
                + " should be " + target.label() + " too: "
                + Wording.tagCommand(m.table.table(), m.table.entity(), m.path, target)
                + ", then " + Wording.publishCommand(m.table.table());
        Map<String, String> classes = new LinkedHashMap<>();
        group.forEach(o -> classes.put(o.table.table() + o.table.entity().map(e -> "[" + e + "]").orElse("") + ":"
                + o.path, o.cls.label()));
        return Findings.at(m.table, m.path, FindingKind.INCONSISTENT_CLASS)
                .severity(m.cls == Classification.PUBLIC ? Severity.HIGH : Severity.MEDIUM)
                .message(msg).action(action).detail("classes", classes).detail("narrowestClass", target.label()).build();
    }
}
