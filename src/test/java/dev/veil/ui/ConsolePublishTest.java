package dev.veil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.app.VeilSettings;
import dev.veil.demo.DemoData;
import dev.veil.demo.LocalDynamo;
import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.ui.connect.ConnectionRequest;
import dev.veil.ui.publish.PublishViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Publish page in the console's window: widening changes first and counted, re-reviews
 * hidden, and a widening version written only after confirmation with a reason.
 */
@ExtendWith({LocalDynamoExtension.class, ApplicationExtension.class})
class ConsolePublishTest {
    private static LocalDynamo local;

    @TempDir
    Path dir;

    private ConsoleApp.Console console;

    @BeforeAll
    static void seed(LocalDynamo server, software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo) {
        local = server;
        DemoTables.seeded(dynamo);
    }

    @Start
    void start(Stage stage) {
        VeilSettings settings = new VeilSettings(Optional.empty(), Optional.of("us-east-1"), Optional.empty(),
                dir.resolve("ws"), dir.resolve("policies"));
        console = ConsoleApp.Console.open(stage, settings, ConsoleLauncher.opener(), () -> { });
    }

    private MainViewModel vm() {
        return console.viewModel();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void idle() throws Exception {
        waitUntil(() -> !vm().tasks().busyProperty().get());
    }

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
        robot.interact(() -> vm().connect(new ConnectionRequest.Endpoint(local.endpoint(), Optional.of("us-east-1"))));
        waitUntil(() -> vm().connectionProperty().get().isPresent());
        idle();
        assertThat(robot.lookup("#status-where").queryAs(Label.class).getText())
                .as("the status bar names the policy store").startsWith("Workspace ")
                .contains("Policies " + dir.resolve("policies"));
        robot.interact(() -> {
            var tables = vm().tablesViewModel();
            tables.tables().stream().filter(t -> t.name().equals(DemoData.USERS)).findFirst()
                    .ifPresent(tables.selectedProperty()::set);
            tables.itemsProperty().set(300);
            tables.sample();
        });
        waitUntil(() -> !vm().tablesViewModel().samplingProperty().get());
        idle();
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
