package dev.veil.work;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CancellationTest {

    @Test
    void aLinkedTokenIsRequestedWhenItsParentIs() {
        Cancellation parent = new Cancellation();
        Cancellation linked = Cancellation.linkedTo(parent);

        parent.cancel();

        assertThat(linked.isRequested()).isTrue();
    }

    @Test
    void cancellingALinkedTokenLeavesItsParentAlone() {
        Cancellation parent = new Cancellation();
        Cancellation linked = Cancellation.linkedTo(parent);

        linked.cancel();

        assertThat(linked.isRequested()).isTrue();
        assertThat(parent.isRequested()).isFalse();
    }

    @Test
    void noneIsNeverRequested() {
        assertThat(Cancellation.none().isRequested()).isFalse();
    }
}
