package dev.veil.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatestLoadsTest {
    private final UiQueue ui = new UiQueue();
    private final BackgroundTasks tasks = new BackgroundTasks(ui);
    private final LatestLoads<String> loads = new LatestLoads<>(tasks);
    private final List<String> applied = new ArrayList<>();

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void anOlderLoadThatFinishesLastIsNotApplied() {
        CountDownLatch older = new CountDownLatch(1);
        loads.submit("users", "older", (p, c) -> {
            older.await(20, TimeUnit.SECONDS);
            return "rows read first";
        }, applied::add);
        loads.submit("users", "newer", (p, c) -> "rows read second", applied::add);
        ui.runUntil(() -> applied.size() == 1);
        older.countDown();
        ui.runUntil(() -> !tasks.busyProperty().get());

        assertThat(applied).containsExactly("rows read second");
    }

    @Test
    void loadsOfOtherKeysDoNotSupersedeEachOther() {
        loads.submit("users", "users", (p, c) -> "users", applied::add);
        loads.submit("orders", "orders", (p, c) -> "orders", applied::add);
        ui.runUntil(() -> !tasks.busyProperty().get());

        assertThat(applied).containsExactlyInAnyOrder("users", "orders");
    }

    @Test
    void aClaimedResultMakesEveryLoadStartedBeforeItStale() {
        long rowLoad = loads.begin("users");
        long listing = loads.begin("*");

        assertThat(loads.claim("users", listing)).isTrue();
        assertThat(loads.isNewest("users", rowLoad)).isFalse();
    }

    @Test
    void aLoadStartedAfterAClaimingOneKeepsItsRow() {
        long listing = loads.begin("*");
        long rowLoad = loads.begin("users");

        assertThat(loads.claim("users", listing)).isFalse();
        assertThat(loads.isNewest("users", rowLoad)).isTrue();
    }

    @Test
    void theFailureOfASupersededLoadIsNotReported() {
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch older = new CountDownLatch(1);
        Job<String> failing = (p, c) -> {
            older.await(20, TimeUnit.SECONDS);
            throw new IllegalStateException("read failed");
        };
        loads.submit("log", "older", failing, applied::add, failures::add);
        loads.submit("log", "newer", (p, c) -> "entries", applied::add, failures::add);
        ui.runUntil(() -> applied.size() == 1);
        older.countDown();
        ui.runUntil(() -> !tasks.busyProperty().get());

        assertThat(failures).isEmpty();
    }
}
