package dev.veil.drift;

import static dev.veil.drift.Wording.code;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.FindingKind;
import dev.veil.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the same data classified differently in different tables ({@code inconsistent-class}).
 * "The same" means the same attribute name (last name of the path, compared without case,
 * {@code _}, {@code -}, {@code .} or spaces, so {@code emailAddress} matches {@code email_address})
 * unless both samples say the values are of different kinds, or the same dominant value detector
 * (at least {@value #DOMINANT} of the values scanned, {@value #MIN_VALUES} values or more). A class is
 * the published one, else the newest decision. Each attribute classified wider than its counterpart
 * in another table is reported: HIGH when it is public, MEDIUM when owner-only against secret.
 */
final class ConsistencyCheck {

    static final double DOMINANT = 0.8;
    static final long MIN_VALUES = 3;

    private ConsistencyCheck() {
    }

    /** One classified attribute of one table. */
    private record Member(TableView table, AttributePath path, Classification cls, String basis, String nameKey,
                          Optional<String> detector) {
        boolean sameTable(Member o) {
            return table.table().equals(o.table.table());
        }
    }

    static List<ReportedFinding> run(List<TableView> tables) {
        List<Member> members = tables.stream().flatMap(t -> members(t).stream()).toList();
        Map<String, ReportedFinding> found = new LinkedHashMap<>();
        group(members, m -> Optional.of("name:" + m.nameKey)).forEach((key, group) ->
                conflicts(group, ConsistencyCheck::detectorsAgree, "an attribute of the same name", found));
        group(members, m -> m.detector.map(d -> "detector:" + d)).forEach((key, group) ->
                conflicts(group, (a, b) -> true, "an attribute holding the same kind of values (detector "
                        + code(group.get(0).detector.orElseThrow()) + ")", found));
        return new ArrayList<>(found.values());
    }

    private static List<Member> members(TableView t) {
        Set<AttributePath> paths = new LinkedHashSet<>(t.policyRules().keySet());
        paths.addAll(t.decisions().keySet());
        List<Member> out = new ArrayList<>();
        for (AttributePath path : paths) {
            String nameKey = nameKey(path.lastName());
            if (path.endsWithElements() || nameKey.isEmpty()) {
                continue;
            }
            Optional<Classification> published = t.publishedClass(path);
            Optional<Classification> cls = published.or(() -> t.decision(path).map(d -> d.classification()));
            String basis = published.isPresent() ? t.policyName() : "tagged, not yet published";
            cls.ifPresent(c -> out.add(new Member(t, path, c, basis, nameKey, t.observed(path).flatMap(ConsistencyCheck::detector))));
        }
        return out;
    }

    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[_\\-.\\s]", "");
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

    private static boolean detectorsAgree(Member a, Member b) {
        return a.detector.isEmpty() || b.detector.isEmpty() || a.detector.equals(b.detector);
    }

    private static Map<String, List<Member>> group(List<Member> members, Function<Member, Optional<String>> key) {
        Map<String, List<Member>> out = new TreeMap<>();
        for (Member m : members) {
            key.apply(m).ifPresent(k -> out.computeIfAbsent(k, x -> new ArrayList<>()).add(m));
        }
        return out;
    }

    private static void conflicts(List<Member> group, BiPredicate<Member, Member> comparable,
                                  String sameness, Map<String, ReportedFinding> found) {
        for (Member m : group) {
            List<Member> narrower = group.stream()
                    .filter(o -> !o.sameTable(m) && comparable.test(m, o) && m.cls.isWiderThan(o.cls))
                    .sorted(Comparator.comparing((Member o) -> o.cls).reversed()
                            .thenComparing(o -> o.table.table()).thenComparing(o -> o.path))
                    .toList();
            if (!narrower.isEmpty()) {
                found.putIfAbsent(m.table.table() + "\u0000" + m.path, finding(m, narrower, group, sameness));
            }
        }
    }

    private static ReportedFinding finding(Member m, List<Member> narrower, List<Member> group, String sameness) {
        Classification target = narrower.get(0).cls;
        String elsewhere = narrower.stream()
                .map(o -> o.cls.label() + " as " + code(o.path) + " in " + code(o.table.table()) + " (" + o.basis + ")")
                .collect(Collectors.joining("; "));
        String msg = code(m.path) + " is " + m.cls.label() + " in " + code(m.table.table()) + " (" + m.basis + "), but "
                + sameness + " is classified more narrowly elsewhere: " + elsewhere + ".";
        String action = "agree on one class for this data; if " + code(m.path) + " in " + code(m.table.table())
                + " should be " + target.label() + " too: " + Wording.tagCommand(m.table.table(), m.path, target)
                + ", then " + Wording.publishCommand(m.table.table());
        Map<String, String> classes = new LinkedHashMap<>();
        group.forEach(o -> classes.put(o.table.table() + ":" + o.path, o.cls.label()));
        return Findings.at(m.table.table(), m.path, FindingKind.INCONSISTENT_CLASS)
                .severity(m.cls == Classification.PUBLIC ? Severity.HIGH : Severity.MEDIUM)
                .message(msg).action(action).detail("classes", classes).detail("narrowestClass", target.label()).build();
    }
}
