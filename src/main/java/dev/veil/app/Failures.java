package dev.veil.app;

import dev.veil.demo.LocalDynamoException;
import dev.veil.dynamo.DynamoAccessException;
import dev.veil.dynamo.ExportReadException;
import dev.veil.policy.PolicyInputException;
import dev.veil.policy.PolicyStoreException;
import dev.veil.workspace.WorkspaceException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the exceptions of the capability packages into {@link VeilException}s with a kind, so
 * faces map them to exit codes and dialogs in one way. Messages already say what, where and what
 * to do; this class only classifies.
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
        } catch (PolicyInputException e) {
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
            throw new VeilException(VeilException.Kind.BAD_INPUT, e.getMessage(), e);
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
