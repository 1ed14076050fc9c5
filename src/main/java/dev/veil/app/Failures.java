package dev.veil.app;

import dev.veil.model.VeilFailure;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Hands the failures of the packages below to the faces as {@link VeilException}s. Each
 * {@link VeilFailure} already carries its kind, set where it happened, and a message that says
 * what, where and what to do; this class only rewraps it. The two library failures that reach
 * here unwrapped (an I/O error, an AWS SDK error) cannot be reached or read, by their nature.
 * Anything else (a NullPointerException, an IllegalArgumentException, an IllegalStateException)
 * passes through untouched: that is Veil's own bug, exit 4, and never passes for bad input.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    /** Runs {@code work}, translating known failures. */
    static <T> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (VeilException | CancelledException e) {
            throw e;
        } catch (VeilFailure e) {
            LOG.debug("{} failure raised as {}", e.failureKind(), e.getClass().getSimpleName(), e);
            throw new VeilException(e.failureKind(), e.getMessage(), e, e.settings());
        } catch (UncheckedIOException e) {
            LOG.debug("file access failed", e);
            throw new VeilException(VeilFailure.Kind.UNAVAILABLE, e.getCause().getMessage()
                    + " — check that the path exists and that you may read and write it", e);
        } catch (SdkException e) {
            LOG.debug("AWS SDK call failed", e);
            throw new VeilException(VeilFailure.Kind.UNAVAILABLE, "DynamoDB call failed: " + e.getMessage()
                    + " — check the endpoint, region and credentials", e);
        }
    }

    /** Runs {@code work}, translating known failures. */
    static void run(Runnable work) {
        translate(() -> {
            work.run();
            return null;
        });
    }
}
