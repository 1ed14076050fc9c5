package dev.veil.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MaskedExamplesTest {

    @Test
    void keepsTheThreeMasksWithTheSmallestKeysWhateverTheOrder() {
        List<String> masks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            masks.add("a".repeat(i + 1));
        }
        List<String> expected = masks.stream()
                .sorted((x, y) -> Long.compare(MaskedExamples.key(x.hashCode()), MaskedExamples.key(y.hashCode())))
                .limit(3).sorted().toList();

        for (long seed = 0; seed < 20; seed++) {
            Collections.shuffle(masks, new Random(seed));
            MaskedExamples ex = new MaskedExamples();
            masks.forEach(ex::offer);
            assertThat(ex.sorted()).isEqualTo(expected);
        }
    }

    @Test
    void repeatedMasksAreKeptOnce() {
        MaskedExamples ex = new MaskedExamples();
        ex.offer("aaa");
        ex.offer("aaa");
        ex.offer("999");

        assertThat(ex.sorted()).containsExactly("999", "aaa");
    }

    @Test
    void mergeKeepsTheSmallestKeysOfBoth() {
        MaskedExamples a = new MaskedExamples();
        MaskedExamples b = new MaskedExamples();
        MaskedExamples both = new MaskedExamples();
        for (int i = 0; i < 20; i++) {
            String mask = "9".repeat(i + 1);
            (i % 3 == 0 ? a : b).offer(mask);
            both.offer(mask);
        }

        a.merge(b);

        assertThat(a.sorted()).isEqualTo(both.sorted()).hasSize(MaskedExamples.LIMIT);
    }
}
