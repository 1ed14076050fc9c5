package dev.veil.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.work.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundTasksTest {
    private final UiQueue ui = new UiQueue();
    private final BackgroundTasks tasks = new BackgroundTasks(ui);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        tasks.close();
    }

    @Test
    void theResultArrivesThroughTheUiExecutorAndTheTaskIsNoLongerBusy() {
        List<String> got = new ArrayList<>();
        Thread testThread = Thread.currentThread();
        List<Thread> callbackThreads = new ArrayList<>();
        TaskHandle<String> h = tasks.submit("Greeting", (p, c) -> "hello", v -> {
            got.add(v);
            callbackThreads.add(Thread.currentThread());
        });
        assertThat(tasks.busyProperty().get()).isTrue();
        ui.runUntil(() -> h.stateProperty().get().isDone());
        assertThat(got).containsExactly("hello");
        assertThat(callbackThreads).containsExactly(testThread);
        assertThat(tasks.busyProperty().get()).isFalse();
        assertThat(tasks.lastOutcomeProperty().get()).isEqualTo("Done: Greeting");
    }

    @Test
    void progressReportedByTheJobReachesTheStatusProperties() {
        TaskHandle<Integer> h = tasks.submit("Counting", (p, c) -> {
            p.onProgress(new Progress(3, 10, "3 of 10 segments"));
            release.await(20, TimeUnit.SECONDS);
            return 3;
        }, v -> { });
        ui.runUntil(() -> h.progressProperty().get().done() == 3);
        assertThat(tasks.progressProperty().get()).isEqualTo(new Progress(3, 10, "3 of 10 segments"));
        assertThat(tasks.progressProperty().get().fraction()).isEqualTo(0.3);
        assertThat(tasks.currentProperty().get()).contains(h);
    }

    @Test
    void cancellingStopsTheJobAtItsNextSafePointAndCallsNeitherCallback() {
        List<Object> calls = new ArrayList<>();
        TaskHandle<String> h = tasks.submit("Endless", (p, c) -> {
            while (!c.isRequested()) {
                Thread.onSpinWait();
            }
            return "stopped";
        }, calls::add, calls::add);
        tasks.cancelCurrent();
        ui.runUntil(() -> h.stateProperty().get().isDone());
        assertThat(h.stateProperty().get()).isEqualTo(TaskState.CANCELLED);
        assertThat(calls).isEmpty();
        assertThat(h.result()).isCompletedExceptionally();
        assertThat(tasks.lastOutcomeProperty().get()).isEqualTo("Cancelled: Endless");
    }

    @Test
    void aFailureGoesToTheDefaultHandlerWhenTheSubmitterGivesNone() {
        List<Throwable> errors = new ArrayList<>();
        tasks.setDefaultFailureHandler(errors::add);
        TaskHandle<String> h = tasks.submit("Failing", (p, c) -> {
            throw new IllegalStateException("broken");
        }, v -> { });
        ui.runUntil(() -> h.stateProperty().get().isDone());
        assertThat(h.stateProperty().get()).isEqualTo(TaskState.FAILED);
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("broken");
        assertThat(tasks.lastOutcomeProperty().get()).isEqualTo("Failed: Failing");
    }

    @Test
    void theStatusFollowsTheNewestRunningTaskAndFallsBackToTheOlderOne() {
        TaskHandle<String> older = tasks.submit("Older", (p, c) -> {
            release.await(20, TimeUnit.SECONDS);
            return "a";
        }, v -> { });
        TaskHandle<String> newer = tasks.submit("Newer", (p, c) -> "b", v -> { });
        assertThat(tasks.currentProperty().get()).contains(newer);
        ui.runUntil(() -> newer.stateProperty().get().isDone());
        assertThat(tasks.currentProperty().get()).isEqualTo(Optional.of(older));
    }

    @Test
    void closingCancelsEveryRunningTask() {
        List<TaskHandle<String>> handles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            handles.add(tasks.submit("Job " + i, (p, c) -> {
                while (!c.isRequested()) {
                    Thread.onSpinWait();
                }
                return "x";
            }, v -> { }));
        }
        tasks.close();
        assertThat(handles).allMatch(TaskHandle::isCancelRequested);
        ui.runUntil(() -> handles.stream().allMatch(h -> h.stateProperty().get() == TaskState.CANCELLED));
        assertThat(tasks.busyProperty().get()).isFalse();
    }
}
