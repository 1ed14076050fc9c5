package dev.veil.app;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.PathRule;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.model.Review;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One rule of a policy flattened to its path, for listings: {@code orders[].total} rather than the
 * nested {@code items.fields.total} of the file.
 */
public record PolicyEntry(AttributePath path, Optional<Classification> classification, List<DynamoType> types,
                          Optional<Review> review) {

    /**
     * Every rule of {@code policy} that governs the table as a whole, parents before children; none
     * for a {@code veil-policy/2} policy, whose rules belong to its entities.
     */
    public static List<PolicyEntry> of(Policy policy) {
        return policy.tableRules().stream().map(PolicyEntry::of).toList();
    }

    /** The entry of one rule of the walk ({@link Policy#rules()}); its entity is the caller's to group by. */
    static PolicyEntry of(PathRule placed) {
        PolicyRule rule = placed.rule();
        return new PolicyEntry(placed.path(), rule.classification(), rule.types(), rule.review());
    }

    /** The class label, or "(inherits)" for an items rule without a class. */
    public String classLabel() {
        return classification.map(Classification::label).orElse("(inherits)");
    }

    /** Types as "M S". */
    public String typesText() {
        return types.stream().map(DynamoType::code).collect(Collectors.joining(" "));
    }

    public String reviewer() {
        return review.map(Review::reviewer).orElse("");
    }

    public String note() {
        return review.map(Review::note).orElse("");
    }
}
