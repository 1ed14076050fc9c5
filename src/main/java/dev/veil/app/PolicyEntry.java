package dev.veil.app;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.model.Review;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One rule of a policy flattened to its path, for listings: {@code orders[].total} rather than the
 * nested {@code items.fields.total} of the file.
 */
public record PolicyEntry(AttributePath path, Optional<Classification> classification, List<DynamoType> types,
                          Optional<Review> review) {

    /** Every rule of {@code policy}, parents before children. */
    public static List<PolicyEntry> of(Policy policy) {
        List<PolicyEntry> out = new ArrayList<>();
        policy.attributes().forEach((name, rule) -> walk(AttributePath.of(name), rule, out));
        return out;
    }

    private static void walk(AttributePath path, PolicyRule rule, List<PolicyEntry> out) {
        out.add(new PolicyEntry(path, rule.classification(), rule.types(), rule.review()));
        for (Map.Entry<String, PolicyRule> f : rule.fields().entrySet()) {
            walk(path.child(f.getKey()), f.getValue(), out);
        }
        rule.items().ifPresent(items -> walk(path.elements(), items, out));
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
