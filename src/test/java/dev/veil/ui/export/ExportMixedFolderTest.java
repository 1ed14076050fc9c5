package dev.veil.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.app.ExportOptions;
import dev.veil.app.PublishRequest;
import dev.veil.app.Veil;
import dev.veil.codegen.IamOptions;
import dev.veil.codegen.Language;
import dev.veil.demo.DemoData;
import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.ui.ConsoleTestCase;
import dev.veil.ui.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Export page, against the local DynamoDB, with a service folder whose files come from two
 * policy versions (what an interrupted export leaves): the page says so before writing, and says
 * the export repaired it after.
 */
class ExportMixedFolderTest extends ConsoleTestCase {
    private static final ExportOptions PYTHON = new ExportOptions(List.of(Language.PYTHON), Optional.empty(),
            Optional.empty(), IamOptions.defaults());

    @Override
    protected void place(Stage stage) {
        at1280By800(stage);
    }

    /** Publishes users twice and leaves its Python sanitizer at v1 beside the v2 policy file. */
    private Path mixedFolder(FxRobot robot) throws Exception {
        connect();
        Veil veil = vm().session().veil();
        veil.sampling().sample(dev.veil.app.SampleOptions.of(DemoData.USERS, 200), dev.veil.work.ProgressListener.NONE,
                dev.veil.work.Cancellation.none());
        veil.reviewing().tag(DemoData.USERS, List.of(AttributePath.of("email")), Classification.OWNER_ONLY, "ana", "");
        veil.publishing().publish(DemoData.USERS, PublishRequest.of(Optional.of("user_id")));
        Path out = dir.resolve("service");
        veil.exporting().export(DemoData.USERS, out, PYTHON);
        Path python;
        try (Stream<Path> files = Files.walk(out)) {
            python = files.filter(f -> f.toString().endsWith(".py")).findFirst().orElseThrow();
        }
        byte[] v1 = Files.readAllBytes(python);
        veil.reviewing().tag(DemoData.USERS, List.of(AttributePath.of("email")), Classification.SECRET, "ana", "");
        veil.publishing().publish(DemoData.USERS, PublishRequest.of(Optional.empty()));
        veil.exporting().export(DemoData.USERS, out, PYTHON);
        Files.write(python, v1);
        robot.interact(() -> {
            vm().session().tableProperty().set(DemoData.USERS);
            vm().pageProperty().set(Page.EXPORT);
        });
        return out;
    }

    private ExportViewModel export() {
        return vm().exportViewModel();
    }

    private String folderState(FxRobot robot) {
        Label label = robot.lookup("#export-folder-state").queryAs(Label.class);
        return label.isVisible() ? label.getText() : "(hidden)";
    }

    @Test
    void aMixedFolderIsNamedWithWhatToDoBeforeAnythingIsWritten(FxRobot robot) throws Exception {
        Path out = mixedFolder(robot);

        robot.interact(() -> export().folderProperty().set(out.toString()));
        waitUntil(() -> export().folderMixedProperty().get());

        assertThat(folderState(robot)).contains("mixed set for table " + DemoData.USERS).contains(out.toString())
                .contains("is from v1").contains(".policy.json is from v2").contains("export the table again");
    }

    @Test
    void exportingIntoAMixedFolderSaysItRewroteTheWholeSet(FxRobot robot) throws Exception {
        Path out = mixedFolder(robot);
        robot.interact(() -> {
            export().folderProperty().set(out.toString());
            Stream.of(Language.values()).forEach(l -> export().languageProperty(l).set(l == Language.PYTHON));
        });
        waitUntil(() -> export().folderMixedProperty().get());

        robot.interact(() -> export().write());
        waitUntil(() -> !export().written().isEmpty());

        assertThat(export().folderMixedProperty().get()).isFalse();
        assertThat(folderState(robot)).contains("held a mixed set for table " + DemoData.USERS)
                .contains("every file of it now comes from v2");
        assertThat(vm().session().veil().exporting().mixedSet(DemoData.USERS, out)).isEmpty();
    }
}
