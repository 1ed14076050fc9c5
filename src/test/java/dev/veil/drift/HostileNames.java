package dev.veil.drift;

import static dev.veil.drift.Fixtures.attr;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.DynamoType;
import java.util.List;
import java.util.Map;

/** Reports about attributes whose names try to break out of the report's markup. */
final class HostileNames {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String PIPE = "a|b";
    static final String BACKTICKS = "x`y``z";
    static final String MARKUP = "**bold** [link](http://evil.example) <img src=x onerror=alert(2)> & \"'";

    private HostileNames() {
    }

    static DriftReport report() {
        List<AttributeProfile> sample = Fixtures.usersAttributes();
        for (String name : List.of(SCRIPT, PIPE, BACKTICKS, MARKUP)) {
            sample.add(attr(AttributePath.of(name), 0.5, 500, Map.of(DynamoType.S, 250L), Map.of()));
        }
        return new DriftAuditor().audit(List.of(Fixtures.users(sample).build()));
    }
}
