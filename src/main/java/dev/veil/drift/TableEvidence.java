package dev.veil.drift;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.EntityProfile;
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

/**
 * One table's audit input, or one entity's of a single-table design, with the look-ups every check
 * shares. An entity's evidence sees the entity as a table of its own: its sampled items, its
 * decisions, its suggestions and its rules in the published policy. Immutable.
 */
final class TableEvidence {

    private final TableAuditInput in;
    private final Optional<String> entity;
    private final SortedMap<AttributePath, AttributeProfile> observed = new TreeMap<>();
    private final SortedMap<AttributePath, Decision> decisions = new TreeMap<>();
    private final Map<AttributePath, PolicyRule> rules = new LinkedHashMap<>();

    TableEvidence(TableAuditInput in) {
        this(in, Optional.empty());
    }

    private TableEvidence(TableAuditInput in, Optional<String> entity) {
        this.in = in;
        this.entity = entity;
        in.latestProfile().ifPresent(p -> p.attributes().forEach(a -> observed.put(a.path(), a)));
        // A table governed per entity keeps its decisions per entity: table-wide ones no longer apply.
        if (!perEntity()) {
            // The newest decision per path wins, whatever order the workspace returned them in.
            in.decisions().stream().sorted(Comparator.comparing(Decision::decidedAt))
                    .forEach(d -> decisions.put(d.path(), d));
        }
        in.policy().ifPresent(p -> p.tableRules().forEach(r -> rules.put(r.path(), r.rule())));
    }

    /**
     * The table's evidence, then, when its published policy is {@code veil-policy/2} and its sample
     * found kinds of item, one evidence per kind the policy covers, seen as a table of its own.
     */
    static List<TableEvidence> scopes(TableAuditInput in) {
        List<TableEvidence> out = new ArrayList<>();
        TableEvidence table = new TableEvidence(in);
        out.add(table);
        table.pairing().ifPresent(pairing -> pairing.pairs().forEach(pair -> out.add(
                new TableEvidence(entityInput(in, pair), Optional.of(pair.name())))));
        return out;
    }

    private static TableAuditInput entityInput(TableAuditInput in, EntityPairing.Pair pair) {
        Policy p = in.policy().orElseThrow();
        Policy asTable = new Policy(in.table(), p.version(), p.previous(), Optional.empty(),
                new TreeMap<>(pair.policy().attributes()), p.digest(), p.published());
        TableProfile latest = in.latestProfile().orElseThrow();
        List<TableProfile> history = new ArrayList<>();
        in.history().forEach(run -> EntityPairing.in(run, pair.name(), pair.policy())
                .ifPresent(e -> history.add(asTable(run, e))));
        TableAuditInput.Builder b = TableAuditInput.builder(in.table())
                .latestProfile(asTable(latest, pair.sampled())).history(history)
                .decisions(in.entityDecisions().getOrDefault(pair.name(), List.of()))
                .policy(asTable).suggestions(in.entitySuggestions().getOrDefault(pair.sampled().name(), Map.of()));
        in.info().ifPresent(b::info);
        in.policyFile().ifPresent(b::policyFile);
        return b.build();
    }

    /** One kind's items as a profile of their own (same table, key, coverage and indexes). */
    static TableProfile asTable(TableProfile run, EntityProfile kind) {
        return new TableProfile(run.table(), run.source(), run.sampledAt(), kind.itemsSampled(), run.keySchema(),
                kind.attributes(), run.coverage(), run.indexes());
    }

    /** The entity this evidence is about; empty for the table as a whole. */
    Optional<String> entity() {
        return entity;
    }

    /**
     * True for the table-wide evidence of a table whose published policy is {@code veil-policy/2}:
     * its attributes are audited per entity, not here.
     */
    boolean perEntity() {
        return entity.isEmpty() && in.policy().map(Policy::hasEntities).orElse(false);
    }

    /** How the sampled kinds of item pair with the policy's entities; only for {@link #perEntity()}. */
    Optional<EntityPairing> pairing() {
        if (!perEntity() || in.latestProfile().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(EntityPairing.of(in.latestProfile().get(), in.policy().get()));
    }

    /** " sampled items", or " sampled `ORDER` items" for an entity. */
    String sampledItems() {
        return entity.map(e -> " sampled " + Wording.code(e) + " items").orElse(" sampled items");
    }

    /** The table in code, or "entity `USER` of `app_data`". */
    String label() {
        return entity.map(e -> "entity " + Wording.code(e) + " of ").orElse("") + Wording.code(in.table());
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
        String name = in.policy().map(p -> Wording.version(p.version())).orElse("the policy");
        return entity.map(e -> "entity " + Wording.code(e) + " of " + name).orElse(name);
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
