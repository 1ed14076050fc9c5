package dev.veil.app;

import dev.veil.demo.LocalDynamoException;
import dev.veil.drift.WaiverFileException;
import dev.veil.dynamo.DynamoAccessException;
import dev.veil.dynamo.ExportReadException;
import dev.veil.model.PathSyntaxException;
import dev.veil.policy.PolicyInputException;
import dev.veil.policy.PolicyStoreException;
import dev.veil.workspace.WorkspaceException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the exceptions of the capability packages into {@link VeilException}s with a kind, so
 * faces map them to exit codes and dialogs in one way. Messages already say what, where and what
 * to do; this class only classifies. Anything it does not know (a NullPointerException, an
 * IllegalStateException) passes through untouched: that is Veil's own bug, exit 4.
 */
final class Failures {

    private Failures() {
    }

    /** Runs {@code work}, translating known failures. */
    static <T> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (VeilException | CancelledException e) {
            throw e;
        } catch (DynamoAccessException e) {
            throw new VeilException(e.kind().isBadInput() ? VeilException.Kind.BAD_INPUT
                    : VeilException.Kind.UNAVAILABLE, e.getMessage(), e);
        } catch (ExportReadException e) {
            throw new VeilException(e.kind().isBadInput() ? VeilException.Kind.BAD_INPUT
                    : VeilException.Kind.UNAVAILABLE, e.getMessage(), e);
        } catch (PolicyInputException | WaiverFileException | PathSyntaxException e) {
            throw new VeilException(VeilException.Kind.BAD_INPUT, e.getMessage(), e);
        } catch (WorkspaceException | LocalDynamoException | PolicyStoreException e) {
            throw new VeilException(VeilException.Kind.UNAVAILABLE, e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new VeilException(VeilException.Kind.UNAVAILABLE, e.getCause().getMessage()
                    + " — check that the path exists and that you may read and write it", e);
        } catch (SdkException e) {
            throw new VeilException(VeilException.Kind.UNAVAILABLE, "DynamoDB call failed: " + e.getMessage()
                    + " — check the endpoint, region and credentials", e);
        } catch (IllegalArgumentException e) {
            if (!thrownByInputCheck(e)) {
                throw e;
            }
            throw new VeilException(VeilException.Kind.BAD_INPUT, e.getMessage(), e);
        }
    }

    /**
     * Options and limits some capability classes check with {@link IllegalArgumentException}: those are
     * the user's input (exit 2). Any other IllegalArgumentException is a broken invariant, a bug in Veil,
     * and must reach the face as one (exit 4), never pass for bad input.
     */
    private static boolean thrownByInputCheck(IllegalArgumentException e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && INPUT_CHECKS.contains(trace[0].getClassName());
    }

    private static final java.util.Set<String> INPUT_CHECKS = java.util.Set.of(
            "dev.veil.dynamo.SampleRequest", "dev.veil.codegen.GeneratorOptions", "dev.veil.codegen.ProjectionPlan");

    /** Runs {@code work}, translating known failures. */
    static void run(Runnable work) {
        translate(() -> {
            work.run();
            return null;
        });
    }
}
