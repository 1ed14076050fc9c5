package dev.veil.policy;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.model.Review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The changes from one policy version to another, each marked when it widens exposure: when
 * some requester may now see something they could not before. That covers a wider class
 * (secret → owner-only, owner-only → public), a new public or owner-only rule where the path was
 * hidden, a removed field rule that lets its map pass whole again, and any new owner attribute.
 * A change to a rule's own class counts as widening even beneath a secret parent (the parent may
 * open later); types and re-reviews never widen.
 */
public final class PolicyDiff {
    private PolicyDiff() {
    }

    /** The changes from {@code a} to {@code b}: the owner first, then by path. */
    public static List<PolicyChange> between(Policy a, Policy b) {
        if (a.hasEntities() || b.hasEntities()) {
            return EntityDiff.between(a, b);
        }
        return ofOneKind(a, b);
    }

    /** The changes between two policies of a table of one kind. */
    static List<PolicyChange> ofOneKind(Policy a, Policy b) {
        List<PolicyChange> out = new ArrayList<>();
        owner(a, b).ifPresent(out::add);
        Map<AttributePath, PolicyRule> before = byPath(a);
        Map<AttributePath, PolicyRule> after = byPath(b);
        TreeSet<AttributePath> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (AttributePath p : paths) {
            Optional<PolicyRule> ra = Optional.ofNullable(before.get(p));
            Optional<PolicyRule> rb = Optional.ofNullable(after.get(p));
            if (ra.isEmpty()) {
                PolicyRule r = rb.orElseThrow();
                boolean hiddenBefore = Exposure.of(a, p) == Classification.SECRET;
                boolean opensItself = hiddenBefore && r.classification().filter(c -> c != Classification.SECRET).isPresent();
                out.add(new PolicyChange(p, PolicyChange.Kind.ADDED, Optional.empty(), label(r),
                        opensItself || widens(a, b, p), r.review()));
            } else if (rb.isEmpty()) {
                out.add(new PolicyChange(p, PolicyChange.Kind.REMOVED, label(ra.get()), Optional.empty(),
                        widens(a, b, p), Optional.empty()));
            } else {
                compare(a, b, p, ra.get(), rb.get(), out);
            }
        }
        return out;
    }

    private static void compare(Policy a, Policy b, AttributePath p, PolicyRule ra, PolicyRule rb, List<PolicyChange> out) {
        if (!ra.classification().equals(rb.classification())) {
            boolean ownWider = ra.classification().isPresent() && rb.classification().isPresent()
                    && rb.classification().get().isWiderThan(ra.classification().get());
            out.add(new PolicyChange(p, PolicyChange.Kind.CLASS_CHANGED, label(ra), label(rb),
                    ownWider || widens(a, b, p), rb.review()));
        } else if (!sameDecision(ra.review(), rb.review())) {
            out.add(new PolicyChange(p, PolicyChange.Kind.REVIEW_CHANGED, label(ra), label(rb), false, rb.review()));
        }
        if (!ra.types().equals(rb.types())) {
            out.add(new PolicyChange(p, PolicyChange.Kind.TYPES_CHANGED, Optional.of(types(ra)), Optional.of(types(rb)),
                    false, Optional.empty()));
        }
    }

    /** Whether the path's value, or an unnamed field beside it, is more exposed under {@code b}. */
    private static boolean widens(Policy a, Policy b, AttributePath p) {
        if (Exposure.of(b, p).isWiderThan(Exposure.of(a, p))) {
            return true;
        }
        Optional<AttributePath> parent = p.parent();
        return !p.endsWithElements() && parent.isPresent()
                && Exposure.ofUnnamedField(b, parent.get()).isWiderThan(Exposure.ofUnnamedField(a, parent.get()));
    }

    /** Same reviewer, note and source: a re-tag at another time only is not a new decision. */
    static boolean sameDecision(Optional<Review> a, Optional<Review> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        Review x = a.get();
        Review y = b.get();
        return x.reviewer().equals(y.reviewer()) && x.note().equals(y.note()) && x.source() == y.source();
    }

    private static Optional<PolicyChange> owner(Policy a, Policy b) {
        if (a.owner().equals(b.owner())) {
            return Optional.empty();
        }
        AttributePath path = AttributePath.of(b.owner().or(a::owner).orElseThrow());
        return Optional.of(new PolicyChange(path, PolicyChange.Kind.OWNER_CHANGED, a.owner().map(AttributePath::formatName),
                b.owner().map(AttributePath::formatName), b.owner().isPresent(), Optional.empty()));
    }

    private static Optional<String> label(PolicyRule r) {
        return r.classification().map(Classification::label);
    }

    private static String types(PolicyRule r) {
        return r.types().isEmpty() ? "none" : String.join(", ", PolicyTree.sortedCodes(r.types()));
    }

    /** Every rule of a policy by its path; items rules sit at {@code list[]}. */
    static Map<AttributePath, PolicyRule> byPath(Policy p) {
        Map<AttributePath, PolicyRule> out = new TreeMap<>(Comparator.naturalOrder());
        p.tableRules().forEach(r -> out.put(r.path(), r.rule()));
        return out;
    }
}
