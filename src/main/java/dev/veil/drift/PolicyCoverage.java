package dev.veil.drift;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import java.util.Optional;

/**
 * How a published policy treats one attribute path, following the sanitizer's rules (DESIGN.md):
 * a rule names it, or it lies inside a value a rule passes whole, or the policy does not know it
 * (and sanitizers drop it).
 *
 * @param status         which of the three
 * @param rule           the rule at the path, or the deepest rule on the way to it
 * @param effectiveClass the class a sanitizer applies on the way to the path (inherited by an
 *                       {@code items} rule without its own class); empty when nothing on the way is known
 * @param matched        how many leading segments of the path the policy names
 */
record PolicyCoverage(Status status, Optional<PolicyRule> rule, Optional<Classification> effectiveClass,
                      int matched) {

    /** Named by a rule, inside a value passed whole, or unknown to the policy. */
    enum Status { NAMED, INSIDE_WHOLE, UNKNOWN }

    static PolicyCoverage of(Policy policy, AttributePath path) {
        PolicyRule current = policy.attributes().get(path.topLevelName());
        if (current == null) {
            return new PolicyCoverage(Status.UNKNOWN, Optional.empty(), Optional.empty(), 0);
        }
        Optional<Classification> effective = current.classification();
        int n = path.segments().size();
        for (int i = 1; i < n; i++) {
            if (current.fields().isEmpty() && current.items().isEmpty()) {
                return new PolicyCoverage(Status.INSIDE_WHOLE, Optional.of(current), effective, i);
            }
            PolicyRule next = path.segments().get(i) instanceof AttributePath.Name name
                    ? current.fields().get(name.name())
                    : current.items().orElse(null);
            if (next == null) {
                return new PolicyCoverage(Status.UNKNOWN, Optional.of(current), effective, i);
            }
            current = next;
            if (current.classification().isPresent()) {
                effective = current.classification();
            }
        }
        return new PolicyCoverage(Status.NAMED, Optional.of(current), effective, n);
    }

    /** True when the path's last segment is the only one the policy does not know. */
    boolean firstUnknownStep(AttributePath path) {
        return status == Status.UNKNOWN && matched == path.segments().size() - 1;
    }
}
