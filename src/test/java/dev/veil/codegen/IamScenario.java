package dev.veil.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.model.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table's generated IAM policies and the two services that use them: a public service (the
 * public document; no requester) and a service whose sessions act for one requester, tagged with
 * its id (the public and the owner document). Decisions come from {@link IamSimulator}.
 */
final class IamScenario {

    private final Policy policy;
    private final TableShape shape;
    private final JsonNode file;

    private IamScenario(Policy policy, TableShape shape, JsonNode file) {
        this.policy = policy;
        this.shape = shape;
        this.file = file;
    }

    /** Generates the IAM file exactly as an export does, with the default ARN or {@code tableArn}. */
    static IamScenario of(Policy policy, TableShape shape, Optional<String> tableArn) {
        GeneratorOptions options = GeneratorOptions.defaults()
                .withIam(new IamOptions(tableArn, IamOptions.DEFAULT_PRINCIPAL), Optional.of(shape));
        GeneratedFile json = Language.IAM.generator().generate(policy, ProjectionPlan.of(policy), options).get(0);
        try {
            return new IamScenario(policy, shape, new ObjectMapper().readTree(json.content()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode file() {
        return file;
    }

    Policy policy() {
        return policy;
    }

    TableShape shape() {
        return shape;
    }

    boolean hasOwnerRole() {
        return !file.get("owner").isNull();
    }

    /** The documents of the service: with a requester, also the owner document if there is one. */
    List<JsonNode> documents(Optional<String> requesterId) {
        List<JsonNode> docs = new ArrayList<>(List.of(file.get("public")));
        if (requesterId.isPresent() && hasOwnerRole()) {
            docs.add(file.get("owner"));
        }
        return docs;
    }

    /** IAM's decision on each read by the service acting for {@code requesterId} (or none). */
    List<IamSimulator.Decision> decide(List<WireReads> reads, Optional<String> requesterId) {
        List<IamSimulator.Request> requests = new ArrayList<>();
        List<Integer> firstOf = new ArrayList<>();
        for (WireReads read : reads) {
            firstOf.add(requests.size());
            requests.addAll(IamRequests.of(read.operation(), read.body(policy.table(), shape), t -> shape, requesterId));
        }
        List<IamSimulator.Decision> each = IamSimulator.decide(documents(requesterId), requests);
        List<IamSimulator.Decision> out = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            int end = i + 1 < reads.size() ? firstOf.get(i + 1) : requests.size();
            out.add(each.subList(firstOf.get(i), end).stream().allMatch(d -> d == IamSimulator.Decision.ALLOWED)
                    ? IamSimulator.Decision.ALLOWED : IamSimulator.Decision.DENIED);
        }
        return out;
    }

    IamSimulator.Decision decide(WireReads read, Optional<String> requesterId) {
        return decide(List.of(read), requesterId).get(0);
    }
}
