package dev.veil.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;
import org.junit.jupiter.api.Test;

class CodeSpansTest {

    @Property
    void anyTextWrittenAsACodeSpanIsReadBackLiterally(@ForAll @NotEmpty String text, @ForAll String before) {
        String prefix = before.replace("`", "") + " ";

        List<CodeSpans.Segment> segments = CodeSpans.split(prefix + Wording.code(text) + " after");

        assertThat(segments).contains(new CodeSpans.Segment(text, true));
    }

    @Test
    void anUnmatchedBacktickIsPlainText() {
        assertThat(CodeSpans.split("a ` b")).containsExactly(new CodeSpans.Segment("a ` b", false));
    }
}
