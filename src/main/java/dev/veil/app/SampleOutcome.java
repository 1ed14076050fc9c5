package dev.veil.app;

import dev.veil.model.AttributePath;
import dev.veil.model.EntityProfile;
import dev.veil.model.Suggestion;
import dev.veil.model.TableProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stored sampling run: the profile, a suggestion per path where there is one, the suggestions
 * of each entity's own paths (by entity name), the run's id, and notes on how the sample was read
 * (for an export: where the key attribute names for telling kinds of item apart came from).
 */
public record SampleOutcome(TableProfile profile, Map<AttributePath, Suggestion> suggestions,
                            Map<String, Map<AttributePath, Suggestion>> entitySuggestions, long runId,
                            List<String> notes) {
    public SampleOutcome {
        notes = List.copyOf(notes);
        suggestions = Map.copyOf(suggestions);
        Map<String, Map<AttributePath, Suggestion>> copy = new LinkedHashMap<>();
        entitySuggestions.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        entitySuggestions = Map.copyOf(copy);
    }

    /** An outcome without notes. */
    public SampleOutcome(TableProfile profile, Map<AttributePath, Suggestion> suggestions,
                         Map<String, Map<AttributePath, Suggestion>> entitySuggestions, long runId) {
        this(profile, suggestions, entitySuggestions, runId, List.of());
    }

    /** An outcome of a table of one kind. */
    public SampleOutcome(TableProfile profile, Map<AttributePath, Suggestion> suggestions, long runId) {
        this(profile, suggestions, Map.of(), runId);
    }

    public Optional<Suggestion> suggestion(AttributePath path) {
        return Optional.ofNullable(suggestions.get(path));
    }

    /** The suggestions of {@code entity}'s paths (empty when it has none). */
    public Map<AttributePath, Suggestion> suggestions(EntityProfile entity) {
        return entitySuggestions.getOrDefault(entity.name(), Map.of());
    }

    /** True when {@link Disclosure} withholds even masked examples of this path. */
    public boolean examplesWithheld(AttributePath path) {
        return Disclosure.withholdsExamples(new Disclosure.Facts(Optional.empty(), suggestion(path),
                profile.attribute(path)));
    }
}
