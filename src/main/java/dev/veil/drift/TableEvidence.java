package dev.veil.drift;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.IndexInfo;
import dev.veil.model.KeySchema;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.model.Suggestion;
import dev.veil.model.TableInfo;
import dev.veil.model.TableProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** One table's audit input with the look-ups every check shares. Immutable. */
final class TableEvidence {

    private final TableAuditInput in;
    private final SortedMap<AttributePath, AttributeProfile> observed = new TreeMap<>();
    private final SortedMap<AttributePath, Decision> decisions = new TreeMap<>();
    private final Map<AttributePath, PolicyRule> rules = new LinkedHashMap<>();

    TableEvidence(TableAuditInput in) {
        this.in = in;
        in.latestProfile().ifPresent(p -> p.attributes().forEach(a -> observed.put(a.path(), a)));
        // The newest decision per path wins, whatever order the workspace returned them in.
        in.decisions().stream().sorted(Comparator.comparing(Decision::decidedAt))
                .forEach(d -> decisions.put(d.path(), d));
        in.policy().ifPresent(p -> p.tableRules().forEach(r -> rules.put(r.path(), r.rule())));
    }

    String table() {
        return in.table();
    }

    TableAuditInput input() {
        return in;
    }

    Optional<Policy> policy() {
        return in.policy();
    }

    /** "policy v3", or "the policy" when there is none (callers check first). */
    String policyName() {
        return in.policy().map(p -> Wording.version(p.version())).orElse("the policy");
    }

    Optional<TableProfile> latest() {
        return in.latestProfile();
    }

    long itemsSampled() {
        return in.latestProfile().map(TableProfile::itemsSampled).orElse(0L);
    }

    SortedMap<AttributePath, AttributeProfile> observed() {
        return observed;
    }

    Optional<AttributeProfile> observed(AttributePath path) {
        return Optional.ofNullable(observed.get(path));
    }

    SortedMap<AttributePath, Decision> decisions() {
        return decisions;
    }

    Optional<Decision> decision(AttributePath path) {
        return Optional.ofNullable(decisions.get(path));
    }

    Optional<Suggestion> suggestion(AttributePath path) {
        return Optional.ofNullable(in.suggestions().get(path));
    }

    /** Every path the policy has a rule for, parents before children. */
    Map<AttributePath, PolicyRule> policyRules() {
        return rules;
    }

    /** How the published policy treats {@code path}; UNKNOWN for every path when there is no policy. */
    PolicyCoverage coverage(AttributePath path) {
        return in.policy().map(p -> PolicyCoverage.of(p, path))
                .orElse(new PolicyCoverage(PolicyCoverage.Status.UNKNOWN, Optional.empty(), Optional.empty(), 0));
    }

    /** The class the published policy gives the path itself; empty when no rule names it with a class. */
    Optional<Classification> publishedClass(AttributePath path) {
        return Optional.ofNullable(rules.get(path)).flatMap(PolicyRule::classification);
    }

    /** The steward's current view: the newest decision, else the published class. */
    Optional<Classification> reviewedClass(AttributePath path) {
        return decision(path).map(Decision::classification).or(() -> publishedClass(path));
    }

    /** The table's own key, from DescribeTable or else from the sample. */
    Optional<KeySchema> tableKey() {
        return in.info().map(TableInfo::keySchema).or(() -> in.latestProfile().flatMap(TableProfile::keySchema));
    }

    List<IndexInfo> indexes() {
        return in.info().map(TableInfo::indexes).orElse(List.of());
    }

    /** True when {@code name} is a key attribute of the table or of any of its indexes. */
    boolean isKeyAttribute(String name) {
        return tableKey().map(k -> k.isKey(name)).orElse(false)
                || indexes().stream().anyMatch(i -> i.keySchema().isKey(name));
    }

    /** Every run oldest first, the audited sample last. */
    List<TableProfile> runs() {
        List<TableProfile> out = new ArrayList<>(earlierRuns());
        in.latestProfile().ifPresent(out::add);
        return out;
    }

    /** The runs before the audited sample, oldest first; the audited sample itself is left out if passed twice. */
    List<TableProfile> earlierRuns() {
        return in.history().stream()
                .filter(run -> in.latestProfile().map(l -> run.sampledAt().isBefore(l.sampledAt())).orElse(true))
                .toList();
    }
}
