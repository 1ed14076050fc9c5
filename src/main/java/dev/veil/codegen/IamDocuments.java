package dev.veil.codegen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.model.VeilFailure;
import java.util.List;

/**
 * The IAM policy documents of an {@link IamPlan}: one Allow statement per role, for reads only
 * (no writes, PartiQL or transactions), each request required to name its attributes
 * ({@code dynamodb:Select = SPECIFIC_ATTRIBUTES}, so one without a projection is denied) and to
 * name only the role's ({@code ForAllValues:StringEquals} on {@code dynamodb:Attributes}). The
 * owner role also requires every partition key it reads to be the requester's, and a present
 * one ({@code ForAllValues} holds vacuously for a request that supplies no key, such as Scan).
 */
final class IamDocuments {

    /** IAM's limit on a managed policy, counted without whitespace. */
    static final int MAX_MANAGED_POLICY_CHARS = 6144;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IamDocuments() {
    }

    static ObjectNode publicDocument(IamPlan plan) {
        return document("VeilPublicRead", plan, plan.publicRole(),
                List.of("dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"), false);
    }

    static ObjectNode ownerDocument(IamPlan plan, IamPlan.Role owner) {
        return document("VeilOwnerRead", plan, owner,
                List.of("dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query"), true);
    }

    private static ObjectNode document(String sid, IamPlan plan, IamPlan.Role role, List<String> actions, boolean owner) {
        ObjectNode statement = NODES.objectNode();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        ArrayNode action = statement.putArray("Action");
        actions.forEach(action::add);
        ArrayNode resource = statement.putArray("Resource");
        resource.add(plan.tableArn());
        role.indexes().forEach(i -> resource.add(plan.tableArn() + "/index/" + i));
        ObjectNode condition = statement.putObject("Condition");
        condition.putObject("StringEquals").put("dynamodb:Select", "SPECIFIC_ATTRIBUTES");
        ObjectNode forAll = condition.putObject("ForAllValues:StringEquals");
        ArrayNode attributes = forAll.putArray("dynamodb:Attributes");
        role.attributes().forEach(a -> attributes.add(literal(a)));
        if (owner) {
            forAll.putArray("dynamodb:LeadingKeys").add(plan.leadingKey());
            condition.putObject("Null").put("dynamodb:LeadingKeys", "false");
        }
        ObjectNode doc = NODES.objectNode();
        doc.put("Version", "2012-10-17");
        doc.putArray("Statement").add(statement);
        int size = doc.toString().replaceAll("\\s", "").length();
        if (size > MAX_MANAGED_POLICY_CHARS) {
            throw VeilFailure.badInput("the " + (owner ? "owner" : "public") + " IAM policy of "
                    + AttributeText.quoted(plan.table()) + " needs " + size + " characters, over IAM's "
                    + MAX_MANAGED_POLICY_CHARS + "-character limit for a managed policy; it lists "
                    + role.attributes().size() + " attributes: mark fewer attributes public or owner-only, "
                    + "or shorten their names");
        }
        return doc;
    }

    /**
     * An attribute name as an IAM condition value. With policy version 2012-10-17 IAM reads
     * {@code ${…}} in a value as a policy variable; IAM documents an escape ({@code ${$}}) but
     * evaluators disagree on it inside string conditions, so such a name is refused rather than
     * risk a document that allows or denies something else.
     */
    static String literal(String name) {
        if (name.contains("${")) {
            throw VeilFailure.badInput("the IAM policies cannot name the attribute " + AttributeText.quoted(name)
                    + ": IAM reads ${...} in a condition value as a policy variable; rename the attribute, "
                    + "or export the sanitizers without IAM policies");
        }
        return name;
    }
}
