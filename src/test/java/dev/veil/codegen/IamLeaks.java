package dev.veil.codegen;

import dev.veil.model.Classification;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The test's own answer, independent of IAM, to "could this read return (or probe) a secret
 * attribute, or an owner-only attribute of an item that is not the requester's?". Key attributes
 * and the owner attribute are exempt: every request names the keys, and the helpers fetch the
 * owner attribute, so IAM must allow them; the generated file lists them as sanitizer-only.
 */
final class IamLeaks {

    private IamLeaks() {
    }

    static boolean couldLeak(WireReads read, Policy policy, TableShape shape, Optional<String> requesterId) {
        if (read.operation().equals("ExecuteStatement") || read.projection().isEmpty()) {
            return true; // every attribute, including any the policy does not name (secret)
        }
        Set<String> exempt = new HashSet<>(shape.keySchema().names());
        policy.owner().ifPresent(exempt::add);
        Set<String> touched = new HashSet<>(read.projection().get());
        read.index().flatMap(i -> shape.indexes().stream().filter(x -> x.name().equals(i)).findFirst())
                .ifPresent(i -> touched.addAll(i.keySchema().names()));
        boolean ownItemsOnly = ownItemsOnly(read, policy, shape, requesterId);
        for (String name : touched) {
            if (exempt.contains(name)) {
                continue;
            }
            Classification c = Optional.ofNullable(policy.attributes().get(name)).flatMap(PolicyRule::classification)
                    .orElse(Classification.SECRET);
            if (c == Classification.SECRET || (c == Classification.OWNER_ONLY && !ownItemsOnly)) {
                return true;
            }
        }
        return false;
    }

    /** True when every item the read can return is the requester's. */
    private static boolean ownItemsOnly(WireReads read, Policy policy, TableShape shape, Optional<String> requesterId) {
        if (requesterId.isEmpty() || policy.owner().isEmpty()
                || !policy.owner().get().equals(shape.keySchema().partitionKey().name())
                || read.operation().equals("Scan") || read.partitionValues().isEmpty()) {
            return false;
        }
        boolean indexSharesPartitionKey = read.index().flatMap(i -> shape.indexes().stream().filter(x -> x.name().equals(i)).findFirst())
                .map(i -> i.keySchema().partitionKey().name().equals(shape.keySchema().partitionKey().name())).orElse(true);
        return indexSharesPartitionKey && read.partitionValues().stream().allMatch(requesterId.get()::equals);
    }
}
