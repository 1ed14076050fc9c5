package dev.veil.ui.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Publish page names a policy store inside the folder the console was started from. */
class PublishViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aStoreInsideTheStartFolderIsNamedWithHowToChooseAnother() {
        Path start = dir.resolve("service-checkout");

        assertThat(PublishViewModel.startFolderNote(start.resolve("policies"), start)).hasValueSatisfying(note ->
                assertThat(note).contains(start.resolve("policies").toString()).contains("started from")
                        .contains("--policies DIR"));
    }

    @Test
    void aStoreElsewhereNeedsNoNote() {
        assertThat(PublishViewModel.startFolderNote(dir.resolve("governance/policies"), dir.resolve("service")))
                .isEmpty();
    }
}
