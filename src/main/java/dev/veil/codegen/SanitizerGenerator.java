package dev.veil.codegen;

import dev.veil.model.Policy;
import java.util.List;

/** Generates the sanitizer files of one language from a policy and its projection plan. */
public interface SanitizerGenerator {

    /** The language this generator writes. */
    Language language();

    /** The files for {@code policy}; paths are relative to the export folder. */
    List<GeneratedFile> generate(Policy policy, ProjectionPlan plan, GeneratorOptions options);
}
