package dev.veil.app;

import dev.veil.model.AttributePath;
import dev.veil.model.Suggestion;
import dev.veil.model.TableProfile;
import java.util.Map;
import java.util.Optional;

/** A stored sampling run: the profile, a suggestion per path where there is one, and the run's id. */
public record SampleOutcome(TableProfile profile, Map<AttributePath, Suggestion> suggestions, long runId) {
    public SampleOutcome {
        suggestions = Map.copyOf(suggestions);
    }

    public Optional<Suggestion> suggestion(AttributePath path) {
        return Optional.ofNullable(suggestions.get(path));
    }

    /** True when {@link Disclosure} withholds even masked examples of this path. */
    public boolean examplesWithheld(AttributePath path) {
        return Disclosure.withholdsExamples(new Disclosure.Facts(Optional.empty(), suggestion(path),
                profile.attribute(path)));
    }
}
