package dev.veil.codegen;

import dev.veil.model.Classification;
import dev.veil.model.EntityMatch;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generates {@code <table_snake>_sanitizer.py}: standard library only, for boto3 resource items
 * (dicts with {@code Decimal}, sets and {@code Binary}). The policy becomes a nested tuple table
 * walked by one function; names appear only in escaped literals.
 */
final class PythonSanitizerGenerator implements SanitizerGenerator {

    @Override
    public Language language() {
        return Language.PYTHON;
    }

    @Override
    public List<GeneratedFile> generate(Policy policy, ProjectionPlan plan, GeneratorOptions options) {
        PythonWriter w = new PythonWriter();
        w.moduleHeader(Headers.text(policy, plan));
        w.assign("TABLE_NAME", policy.table());
        w.line("POLICY_VERSION = " + policy.version());
        w.assign("POLICY_DIGEST", policy.digest().orElse(""));
        if (!policy.hasEntities()) {
            w.line("OWNER_ATTRIBUTE = " + policy.owner().map(PythonWriter::literal).orElse("None"));
        }
        w.blank();
        w.assign("PROJECTION_EXPRESSION_OWNER", plan.owner().expression());
        names(w, "EXPRESSION_ATTRIBUTE_NAMES_OWNER", plan.owner());
        w.assign("PROJECTION_EXPRESSION_PUBLIC", plan.publicView().expression());
        names(w, "EXPRESSION_ATTRIBUTE_NAMES_PUBLIC", plan.publicView());
        w.blank();
        w.comment("""
                Keyword arguments for Table.get_item / query / scan:
                table.get_item(Key=k, **PROJECTION_OWNER). Placeholders are #veil0, #veil1...
                so conditions boto3 builds (#n0, :v0...) can share the request.
                Empty when a view can keep nothing a projection could name.""");
        projectionKwargs(w, "PROJECTION_OWNER", "OWNER", plan.owner());
        projectionKwargs(w, "PROJECTION_PUBLIC", "PUBLIC", plan.publicView());
        w.blank();
        w.comment("""
                Each rule: (class, rules for a map's fields or None,
                            rule for a list's elements or None).
                Class None marks a list-element rule that follows its list.""");
        if (policy.hasEntities()) {
            entities(w, policy);
        } else {
            w.value("_RULES = ", fields(policy.attributes()), "");
            w.blank();
        }
        w.runtime(policy.hasEntities());
        return List.of(new GeneratedFile(TableNames.snake(policy.table()) + "_sanitizer.py", w.toString()));
    }

    /**
     * {@code PROJECTIONS_BY_ENTITY} and the {@code _ENTITIES} table: per entity its match, its owner
     * rule and its rules, one element per line so that ordinary names stay within 79 columns.
     */
    private static void entities(PythonWriter w, Policy policy) {
        w.comment("""
                Each entity: (name, (match attribute, "equals" or "beginsWith", value),
                              (owner attribute, template; {id} is the requester id)
                              or None, rules). An item is of the one entity whose match
                holds.""");
        w.line("_ENTITIES = (");
        w.indent();
        policy.entities().forEach((name, entity) -> {
            w.line("(");
            w.indent();
            w.line(PythonWriter.literal(name) + ",");
            EntityMatch m = entity.match();
            String head = "(" + PythonWriter.literal(m.attribute()) + ", " + PythonWriter.literal(m.test().label()) + ",";
            String match = head + " " + PythonWriter.literal(m.value()) + "),";
            if (match.length() + 8 <= PythonWriter.MAX_LINE) {
                w.line(match);
            } else {
                w.line(head);
                w.line(" " + PythonWriter.literal(m.value()) + "),");
            }
            w.line(entity.owner().map(o -> "(" + PythonWriter.literal(o.attribute()) + ", "
                    + PythonWriter.literal(o.template()) + "),").orElse("None,"));
            w.value("", entity.attributes().isEmpty() ? new PythonWriter.Atom("{}") : fields(entity.attributes()), ",");
            w.dedent();
            w.line("),");
        });
        w.dedent();
        w.line(")");
        w.blank();
        w.comment("""
                Each entity's own projections, for a request that reads that entity only:
                table.query(..., **PROJECTIONS_BY_ENTITY[name]["owner"]).""");
        w.line("PROJECTIONS_BY_ENTITY = {");
        w.indent();
        ProjectionPlan.perEntity(policy).forEach((name, plan) -> {
            w.line(PythonWriter.literal(name) + ": {");
            w.indent();
            entityProjection(w, "owner", plan.owner());
            entityProjection(w, "public", plan.publicView());
            w.dedent();
            w.line("},");
        });
        w.dedent();
        w.line("}");
        w.blank();
    }

    private static void entityProjection(PythonWriter w, String view, Projection projection) {
        if (projection.expression().isEmpty()) {
            w.line(PythonWriter.literal(view) + ": {},");
            return;
        }
        w.line(PythonWriter.literal(view) + ": {");
        w.indent();
        w.entry("ProjectionExpression", projection.expression());
        w.line("\"ExpressionAttributeNames\": {");
        w.indent();
        projection.names().forEach((ph, n) -> w.line(PythonWriter.literal(ph) + ": " + PythonWriter.literal(n) + ","));
        w.dedent();
        w.line("},");
        w.dedent();
        w.line("},");
    }

    private static void names(PythonWriter w, String constant, Projection projection) {
        if (projection.names().isEmpty()) {
            w.line(constant + " = {}");
            return;
        }
        w.line(constant + " = {");
        w.indent();
        projection.names().forEach((ph, name) -> w.line(PythonWriter.literal(ph) + ": " + PythonWriter.literal(name) + ","));
        w.dedent();
        w.line("}");
    }

    private static void projectionKwargs(PythonWriter w, String constant, String view, Projection projection) {
        if (projection.expression().isEmpty()) {
            w.line(constant + " = {}");
            return;
        }
        w.line(constant + " = {");
        w.indent();
        w.line("\"ProjectionExpression\": PROJECTION_EXPRESSION_" + view + ",");
        w.line("\"ExpressionAttributeNames\": EXPRESSION_ATTRIBUTE_NAMES_" + view + ",");
        w.dedent();
        w.line("}");
    }

    /** A map's rules as a dict of rule tuples; None when it names no field. */
    private static PythonWriter.Value fields(Map<String, PolicyRule> fields) {
        if (fields.isEmpty()) {
            return new PythonWriter.Atom("None");
        }
        List<Map.Entry<String, PythonWriter.Value>> entries = new ArrayList<>();
        fields.forEach((name, rule) -> entries.add(Map.entry(name, rule(rule))));
        return new PythonWriter.Dict(entries);
    }

    /** (class, fields, rule of a list's elements). */
    private static PythonWriter.Value rule(PolicyRule r) {
        String cls = r.classification().map(Classification::label).map(PythonWriter::literal).orElse("None");
        PythonWriter.Value items = r.items().map(PythonSanitizerGenerator::rule).orElse(new PythonWriter.Atom("None"));
        return new PythonWriter.Tuple(List.of(new PythonWriter.Atom(cls), fields(r.fields()), items));
    }
}
