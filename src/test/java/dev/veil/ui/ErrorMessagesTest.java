package dev.veil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.app.VeilException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @Test
    void veilsOwnErrorsAreShownInTheirOwnWords() {
        VeilException e = VeilException.badInput("table 'users' has no profile; sample it first");
        assertThat(ErrorMessages.headline(e)).isEqualTo("Veil cannot do that as asked");
        assertThat(ErrorMessages.message(e)).isEqualTo("Table 'users' has no profile; sample it first");
    }

    @Test
    void anUnavailableResourceHasItsOwnHeadline() {
        VeilException e = VeilException.unavailable("cannot reach http://localhost:1", new java.io.IOException("x"));
        assertThat(ErrorMessages.headline(e)).isEqualTo("Veil could not read or reach what it needed");
    }

    @Test
    void anUnexpectedErrorSaysWhatToDo() {
        String m = ErrorMessages.message(new IllegalStateException("boom"));
        assertThat(m).startsWith("IllegalStateException: boom").contains("What to do");
    }

    @Test
    void wrappersAreLookedThrough() {
        CompletionException wrapped = new CompletionException(VeilException.badInput("bad path"));
        assertThat(ErrorMessages.message(wrapped)).isEqualTo("Bad path");
        assertThat(ErrorMessages.details(wrapped)).contains("VeilException", "bad path");
    }

    @Test
    void aFailureAskingForASettingPointsAtItsFieldOnTheConnectPage() {
        VeilException e = new VeilException(VeilException.Kind.BAD_INPUT, "no AWS region is configured: set the "
                + "region", null, java.util.Set.of(dev.veil.model.Setting.REGION));

        assertThat(ErrorMessages.message(e)).isEqualTo("No AWS region is configured: set the region\n\n"
                + "The region is the Region field on the Connect page (Ctrl+1).");
    }

    @Test
    void theConsoleNeverShowsACommandLineOptionForAnySetting() {
        for (dev.veil.model.Setting s : dev.veil.model.Setting.values()) {
            assertThat(SettingHints.hint(s)).doesNotContainPattern("--[a-z]");
        }
    }
}
