package dev.veil.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.EntityMatch;
import dev.veil.model.EntityProfile;
import dev.veil.model.TableProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entities of a stored profile survive the round trip; older profiles read with none. */
class ProfileJsonEntitiesTest {

    @Test
    void entitiesWithHostileNamesAndMatchesSurviveTheRoundTrip() {
        TableProfile rich = TestProfiles.rich("app", TestProfiles.T0);
        List<EntityProfile> kinds = List.of(
                new EntityProfile("ORDER", EntityMatch.beginningWith("sk", "ORDER#"), 3, rich.attributes()),
                new EntityProfile("\"quoted\" \u00e9\u0000", EntityMatch.equalTo("_et", "x\"y\\z"), 1, List.of()));
        TableProfile profile = rich.withEntities(kinds);
        TableProfile back = ProfileJson.read(ProfileJson.write(profile));
        assertThat(back).isEqualTo(profile);
    }

    @Test
    void aProfileOfOneKindIsStoredAsBefore() {
        TableProfile rich = TestProfiles.rich("users", TestProfiles.T0);
        assertThat(ProfileJson.write(rich)).doesNotContain("entities");
        assertThat(ProfileJson.read(ProfileJson.write(rich)).entities()).isEmpty();
    }
}
