package dev.veil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.demo.DemoData;
import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.ui.publish.PublishViewModel;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Publish page in the console's window: widening changes first and counted, re-reviews
 * hidden, and a widening version written only after confirmation with a reason.
 */
class ConsolePublishTest extends ConsoleTestCase {

    private void tag(FxRobot robot, String path, Classification c, String note) throws Exception {
        robot.interact(() -> {
            vm().reviewViewModel().noteProperty().set(note);
            vm().reviewViewModel().tag(List.of(AttributePath.of(path)), c);
        });
        idle();
    }

    private Path version(int n) {
        return dir.resolve("policies").resolve(DemoData.USERS).resolve("v" + n + ".json");
    }

    @Test
    void aWideningVersionIsWrittenOnlyAfterConfirmationWithAReason(FxRobot robot) throws Exception {
        connect();
        assertThat(robot.lookup("#status-where").queryAs(Label.class).getText())
                .as("the status bar names the policy store").startsWith("Workspace ")
                .contains("Policies " + dir.resolve("policies"));
        sample(DemoData.USERS, 300);
        tag(robot, "user_id", Classification.PUBLIC, "");
        tag(robot, "password_hash", Classification.SECRET, "");
        robot.interact(() -> vm().publishViewModel().publish());
        waitUntil(() -> version(1).toFile().exists());
        idle();

        tag(robot, "password_hash", Classification.PUBLIC, "");
        tag(robot, "user_id", Classification.PUBLIC, "decided again");
        robot.interact(() -> vm().pageProperty().set(Page.PUBLISH));
        robot.interact(() -> vm().publishViewModel().load());
        waitUntil(() -> vm().publishViewModel().previewProperty().get().isPresent());
        idle();

        PublishViewModel publish = vm().publishViewModel();
        assertThat(robot.lookup("#publish-widening-count").queryAs(Label.class).getText())
                .isEqualTo("1 change widens exposure");
        assertThat(publish.changes()).first().satisfies(c -> {
            assertThat(c.path().toString()).isEqualTo("password_hash");
            assertThat(c.widening()).isTrue();
        });
        assertThat(publish.changes()).noneMatch(PublishViewModel::isReReview);
        assertThat(publish.hiddenCountProperty().get()).isEqualTo(1);

        robot.clickOn("#publish-button");
        WaitForAsyncUtils.waitForFxEvents();
        Node confirmation = robot.lookup("#publish-confirmation").query();
        assertThat(confirmation.isVisible()).isTrue();
        assertThat(robot.lookup("#publish-confirm").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(version(2)).doesNotExist();

        robot.clickOn("#publish-reason").write("approved by ana in REV-7");
        robot.clickOn("#publish-confirm");
        waitUntil(() -> version(2).toFile().exists());
        idle();
        var published = new ObjectMapper().readTree(version(2).toFile()).get("published");
        assertThat(published.get("note").asText()).isEqualTo("approved by ana in REV-7");
        assertThat(confirmation.isVisible()).isFalse();
    }
}
