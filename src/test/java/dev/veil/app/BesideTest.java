package dev.veil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BesideTest {

    @Test
    void joinGivesTheWorksResult() {
        assertThat(Beside.start("test-work", () -> 6 * 7).join()).isEqualTo(42);
    }

    @Test
    void workRunsOnADaemonThreadOfItsOwnWhileTheCallerGoesOn() throws InterruptedException {
        CountDownLatch callerWentOn = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        Beside<Boolean> work = Beside.start("test-work", () -> {
            worker.set(Thread.currentThread());
            return callerWentOn.await(10, TimeUnit.SECONDS);
        });
        callerWentOn.countDown();
        assertThat(work.join()).as("the work saw the caller go on before it was joined").isTrue();
        assertThat(worker.get()).isNotSameAs(Thread.currentThread());
        assertThat(worker.get().isDaemon()).isTrue();
        assertThat(worker.get().getName()).isEqualTo("test-work");
    }

    @Test
    void aRuntimeExceptionReachesTheJoiningThreadUnchanged() {
        VeilException thrown = VeilException.badInput("the policy file is broken");
        Beside<Object> work = Beside.start("test-work", () -> {
            throw thrown;
        });
        assertThatThrownBy(work::join).isSameAs(thrown);
    }

    @Test
    void aCheckedExceptionIsWrappedWithItsCause() {
        IOException thrown = new IOException("disk gone");
        Beside<Object> work = Beside.start("test-work", () -> {
            throw thrown;
        });
        assertThatThrownBy(work::join).isInstanceOf(IllegalStateException.class).hasCause(thrown);
    }
}
