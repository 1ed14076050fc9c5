package dev.veil.policy;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;

import java.util.Optional;

/**
 * How exposed a path is under a policy, following the sanitizer's rules: the narrowest class
 * on the way down; secret where a rule with fields does not name the field or the attribute is
 * unknown; the enclosing class where a value passes whole (no fields or items to descend into).
 */
final class Exposure {
    private Exposure() {
    }

    /** Where a walk down the rules stands: the class so far, and the rule (empty once a value passes whole). */
    private record State(Classification exposure, Optional<PolicyRule> rule) {
    }

    private static final State HIDDEN = new State(Classification.SECRET, Optional.empty());

    /** The exposure of the value at {@code path}. */
    static Classification of(Policy policy, AttributePath path) {
        return walk(policy, path).exposure();
    }

    /** The exposure of a field of the map at {@code path} that its rule does not name. */
    static Classification ofUnnamedField(Policy policy, AttributePath path) {
        State s = walk(policy, path);
        boolean filtered = s.rule().map(r -> !r.fields().isEmpty()).orElse(false);
        return filtered ? Classification.SECRET : s.exposure();
    }

    private static State walk(Policy policy, AttributePath path) {
        PolicyRule top = policy.attributes().get(path.topLevelName());
        if (top == null) {
            return HIDDEN;
        }
        State s = step(Classification.PUBLIC, top);
        for (AttributePath.Segment seg : path.segments().subList(1, path.segments().size())) {
            if (s.exposure() == Classification.SECRET || s.rule().isEmpty()) {
                return s;
            }
            PolicyRule r = s.rule().get();
            if (seg instanceof AttributePath.Name n) {
                if (r.fields().isEmpty()) {
                    return new State(s.exposure(), Optional.empty());
                }
                PolicyRule child = r.fields().get(n.name());
                s = child == null ? HIDDEN : step(s.exposure(), child);
            } else {
                s = r.items().isEmpty() ? new State(s.exposure(), Optional.empty()) : step(s.exposure(), r.items().get());
            }
        }
        return s;
    }

    private static State step(Classification enclosing, PolicyRule rule) {
        Classification own = rule.classification().orElse(enclosing);
        return new State(Classification.mostRestrictive(enclosing, own), Optional.of(rule));
    }
}
