package dev.veil.codegen;

import dev.veil.model.Policy;
import dev.veil.model.VeilFailure;
import java.util.List;

/**
 * The {@code iam} export: the IAM policies of a table for its infrastructure repository, as
 * JSON ({@link IamPolicyGenerator}) and as a CloudFormation template
 * ({@link IamCloudFormationGenerator}), from one {@link IamPlan}.
 */
final class IamExport implements SanitizerGenerator {

    @Override
    public Language language() {
        return Language.IAM;
    }

    @Override
    public List<GeneratedFile> generate(Policy policy, ProjectionPlan plan, GeneratorOptions options) {
        TableShape shape = options.tableShape().orElseThrow(() -> VeilFailure.badInput(
                "IAM policies of " + AttributeText.quoted(policy.table()) + " need the table's key schema and indexes, "
                        + "and no sample of the table records them: sample the table first"));
        // The projections over the table's keys, as the helpers generated with them send them.
        IamPlan iam = IamPlan.of(policy, ProjectionPlan.of(policy, shape.keySchema().names()), shape, options.iam());
        return List.of(IamPolicyGenerator.generate(policy, iam), IamCloudFormationGenerator.generate(policy, iam));
    }
}
