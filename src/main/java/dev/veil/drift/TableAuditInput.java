package dev.veil.drift;

import dev.veil.model.AttributePath;
import dev.veil.model.Decision;
import dev.veil.model.Policy;
import dev.veil.model.Suggestion;
import dev.veil.model.TableInfo;
import dev.veil.model.TableProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the auditor needs to know about one table. The app layer gathers it from DynamoDB,
 * the workspace and the policy store; the auditor reads nothing else.
 *
 * @param table         the table's name, also when neither {@code info} nor a profile exists
 * @param info          what DescribeTable said (keys and secondary indexes); empty when the table
 *                      is known only from an export profile
 * @param latestProfile the sample to audit; empty when the table has never been sampled
 * @param history       earlier sampling runs, any order (sorted oldest first here), for
 *                      {@code history} findings and for the presence a {@code missing-attribute}
 *                      is expected at
 * @param decisions     the current review decisions, published or not
 * @param policy        the latest published policy
 * @param policyFile    where {@code policy} is stored, for locations in the reports; ignored without a
 *                      published policy, so that no report points at a file that does not exist (SARIF
 *                      writers may point such findings at a fallback artifact instead)
 * @param suggestions   Veil's suggestions for the paths of {@code latestProfile}
 * @param entityDecisions   the current decisions of each entity of a single-table design, by entity name
 *                          (the workspace's over the published ones); empty for a table of one kind
 * @param entitySuggestions Veil's suggestions for each entity {@code latestProfile} found, by entity name,
 *                          made over the entity's own items
 */
public record TableAuditInput(String table, Optional<TableInfo> info, Optional<TableProfile> latestProfile,
                              List<TableProfile> history, List<Decision> decisions, Optional<Policy> policy,
                              Optional<Path> policyFile, Map<AttributePath, Suggestion> suggestions,
                              Map<String, List<Decision>> entityDecisions,
                              Map<String, Map<AttributePath, Suggestion>> entitySuggestions) {

    public TableAuditInput {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(latestProfile, "latestProfile");
        history = history.stream().sorted(Comparator.comparing(TableProfile::sampledAt)).toList();
        decisions = List.copyOf(decisions);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(policyFile, "policyFile");
        suggestions = Map.copyOf(suggestions);
        Map<String, List<Decision>> byEntity = new HashMap<>();
        entityDecisions.forEach((name, list) -> byEntity.put(name, List.copyOf(list)));
        entityDecisions = Map.copyOf(byEntity);
        Map<String, Map<AttributePath, Suggestion>> suggested = new HashMap<>();
        entitySuggestions.forEach((name, map) -> suggested.put(name, Map.copyOf(map)));
        entitySuggestions = Map.copyOf(suggested);
    }

    /** A builder starting from a table name and nothing known about it. */
    public static Builder builder(String table) {
        return new Builder(table);
    }

    /** Builds an input step by step; every part not given stays empty. */
    public static final class Builder {
        private final String table;
        private TableInfo info;
        private TableProfile latestProfile;
        private final List<TableProfile> history = new ArrayList<>();
        private final List<Decision> decisions = new ArrayList<>();
        private Policy policy;
        private Path policyFile;
        private final Map<AttributePath, Suggestion> suggestions = new HashMap<>();
        private final Map<String, List<Decision>> entityDecisions = new HashMap<>();
        private final Map<String, Map<AttributePath, Suggestion>> entitySuggestions = new HashMap<>();

        private Builder(String table) {
            this.table = Objects.requireNonNull(table, "table");
        }

        public Builder info(TableInfo value) {
            this.info = value;
            return this;
        }

        public Builder latestProfile(TableProfile value) {
            this.latestProfile = value;
            return this;
        }

        public Builder history(List<TableProfile> runs) {
            history.addAll(runs);
            return this;
        }

        public Builder decisions(List<Decision> values) {
            decisions.addAll(values);
            return this;
        }

        public Builder policy(Policy value) {
            this.policy = value;
            return this;
        }

        public Builder policyFile(Path value) {
            this.policyFile = value;
            return this;
        }

        public Builder suggestions(Map<AttributePath, Suggestion> values) {
            suggestions.putAll(values);
            return this;
        }

        /** The current decisions of one entity. */
        public Builder entityDecisions(String entity, List<Decision> values) {
            entityDecisions.computeIfAbsent(entity, e -> new ArrayList<>()).addAll(values);
            return this;
        }

        /** Veil's suggestions over one entity's own items. */
        public Builder entitySuggestions(String entity, Map<AttributePath, Suggestion> values) {
            entitySuggestions.computeIfAbsent(entity, e -> new HashMap<>()).putAll(values);
            return this;
        }

        public TableAuditInput build() {
            return new TableAuditInput(table, Optional.ofNullable(info), Optional.ofNullable(latestProfile), history,
                    decisions, Optional.ofNullable(policy), Optional.ofNullable(policyFile), suggestions,
                    entityDecisions, entitySuggestions);
        }
    }
}
