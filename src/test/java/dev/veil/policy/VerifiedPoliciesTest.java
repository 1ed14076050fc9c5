package dev.veil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.Policy;
import org.junit.jupiter.api.Test;

class VerifiedPoliciesTest {

    private final Policy users = Fixtures.sealed(Fixtures.users());
    private final String text = PolicyJson.write(users);

    @Test
    void aTextCheckedBeforeGivesTheSamePolicyAndStillLocatesItsValues() {
        PolicyDocument.Checked first = PolicyDocument.check(text, true);
        PolicyDocument.Checked again = PolicyDocument.check(text, true);

        assertThat(again.issues()).isEmpty();
        assertThat(again.policy()).isEqualTo(first.policy());
        assertThat(again.json()).isPresent();
        assertThat(again.json().get().valueAt("/table")).isEqualTo(first.json().get().valueAt("/table"));
    }

    @Test
    void aTextThatPassedWithoutTheCanonicalCheckIsStillCheckedForCanonicalForm() {
        String reformatted = text.replace("\n", "\r\n");
        assertThat(PolicyDocument.check(reformatted, false).issues()).isEmpty();

        assertThat(PolicyDocument.check(reformatted, true).issues())
                .singleElement().satisfies(i -> assertThat(i.toString()).contains("CRLF"));
    }

    @Test
    void aTextEditedAfterItWasCheckedIsCheckedAfresh() {
        assertThat(PolicyDocument.check(text, true).issues()).isEmpty();

        String edited = text.replace("\"users\"", "\"userz\"");
        assertThat(PolicyDocument.check(edited, true).issues()).isNotEmpty();
    }

    @Test
    void theLeastRecentlyUsedTextIsForgottenOnceTheBoundIsPassed() {
        VerifiedPolicies cache = new VerifiedPolicies((long) text.length() * 2 + 10);
        String other = text + " ";
        cache.put(text, true, users);
        cache.put(other, true, users);

        assertThat(cache.get(text, true)).isEmpty();
        assertThat(cache.get(other, true)).contains(users);
    }

    @Test
    void aTextRememberedWithoutTheCanonicalCheckIsNotTakenAsCanonical() {
        VerifiedPolicies cache = new VerifiedPolicies(1 << 20);
        cache.put(text, false, users);

        assertThat(cache.get(text, true)).isEmpty();
        assertThat(cache.get(text, false)).contains(users);
    }
}
