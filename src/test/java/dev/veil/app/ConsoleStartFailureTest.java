package dev.veil.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleStartFailureTest {

    @Test
    void aMissingGlassGtkLibraryNamesTheGtkPackageOfEachDistribution() {
        VeilException e = ConsoleStartFailure.explain(
                new RuntimeException("launch failed", new UnsupportedOperationException("Unable to load glass GTK library.")))
                .orElseThrow();
        assertThat(e.kind()).isEqualTo(VeilException.Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("libgtk-3.so.0", "apt-get install libgtk-3-0", "dnf install gtk3",
                "pacman -S gtk3", "command line works without it").doesNotContainIgnoringCase("bug");
    }

    @Test
    void aMissingDisplaySaysSoAndPointsAtTheCommandLine() {
        assertThat(ConsoleStartFailure.explain(new UnsupportedOperationException("Unable to open DISPLAY")))
                .get().extracting(Throwable::getMessage).asString().contains("no graphical display");
    }

    @Test
    void anyOtherUnsatisfiedLinkErrorQuotesTheLibraryThatFailed() {
        assertThat(ConsoleStartFailure.explain(new UnsatisfiedLinkError("libGL.so.1: cannot open shared object file")))
                .get().extracting(Throwable::getMessage).asString().contains("libGL.so.1", "libgl1");
    }

    @Test
    void aFailureOfVeilItselfIsNotExplainedAway() {
        assertThat(ConsoleStartFailure.explain(new IllegalStateException("boom", new NullPointerException())))
                .isEmpty();
    }
}
