package dev.veil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.app.Veil;
import dev.veil.app.VeilException;
import dev.veil.app.VeilSettings;
import dev.veil.ui.connect.Connection;
import dev.veil.ui.state.ConsoleStateStore;
import dev.veil.ui.state.Theme;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.Mnemonic;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The console's shell, driven through its window: navigation, theme, connect, errors, layout. */
@ExtendWith(ApplicationExtension.class)
class ConsoleWindowTest {
    @TempDir
    static Path workspace;

    private ConsoleApp.Console console;

    @Start
    void start(Stage stage) {
        VeilSettings settings = new VeilSettings(Optional.empty(), Optional.of("us-east-1"), Optional.empty(),
                workspace, workspace.resolve("policies"));
        console = ConsoleApp.Console.open(stage, settings, (request, base, progress, cancel) -> {
            if (request instanceof dev.veil.ui.connect.ConnectionRequest.Endpoint e
                    && e.endpoint().getPort() == 1) {
                throw VeilException.unavailable("cannot reach DynamoDB at " + e.endpoint()
                        + "; check that it is running", null);
            }
            return new Connection(request.applyTo(base), ConsoleLauncher.label(request.applyTo(base)),
                    request.toRecent(), Veil.open(request.applyTo(base)), java.util.List.of(), Optional.empty());
        }, () -> { });
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> robot.listWindows().stream().filter(w -> w != console.stage())
                .filter(w -> w instanceof Stage).forEach(w -> ((Stage) w).close()));
    }

    @Test
    void shortcutsAndMnemonicsMoveBetweenPages(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(console.viewModel().pageProperty().get()).isEqualTo(Page.DRIFT);
        assertThat(robot.lookup("#nav-drift").queryAs(ToggleButton.class).isSelected()).isTrue();

        // Monocle cannot map characters to keys, so Alt+T is checked through the scene's mnemonic table.
        ToggleButton tables = robot.lookup("#nav-tables").queryAs(ToggleButton.class);
        Mnemonic altT = console.stage().getScene().getMnemonics().entrySet().stream()
                .filter(e -> e.getKey().getName().equalsIgnoreCase("Alt+'T'"))
                .flatMap(e -> e.getValue().stream()).filter(m -> m.getNode() == tables).findFirst().orElseThrow();
        robot.interact(altT::fire);
        assertThat(console.viewModel().pageProperty().get()).isEqualTo(Page.TABLES);
    }

    @Test
    void clickingASidebarEntryShowsItsPageAndClickingItAgainKeepsIt(FxRobot robot) {
        robot.clickOn("#nav-audit-log");
        robot.clickOn("#nav-audit-log");
        assertThat(console.viewModel().pageProperty().get()).isEqualTo(Page.AUDIT_LOG);
        assertThat(robot.lookup("#nav-audit-log").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void theThemeButtonSwitchesToDarkAndBack(FxRobot robot) {
        robot.clickOn("#theme-button");
        assertThat(console.viewModel().themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(robot.lookup("#theme-button").queryAs(Button.class).getText()).isEqualTo("Light theme");
        robot.clickOn("#theme-button");
        assertThat(console.viewModel().themeProperty().get()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void connectingToACustomEndpointShowsItInTheStatusBarAndOpensTables(FxRobot robot) throws Exception {
        robot.clickOn("Custom endpoint");
        robot.clickOn(".text-field").write("http://localhost:8000");
        robot.clickOn("#connect-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> console.viewModel().connectionProperty().get().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status-connection").queryAs(Label.class).getText())
                .isEqualTo("http://localhost:8000 · us-east-1");
        assertThat(console.viewModel().pageProperty().get()).isEqualTo(Page.TABLES);
    }

    @Test
    void aWorkspaceAndPolicyStoreChosenOnTheConnectPageAreUsedNamedAndRemembered(FxRobot robot) throws Exception {
        Path chosenWorkspace = workspace.resolve("team-workspace");
        Path chosenPolicies = workspace.resolve("service-repo/policies");
        robot.clickOn("Custom endpoint");
        robot.clickOn(".text-field").write("http://localhost:8001");
        robot.clickOn("#workspace-field").write(chosenWorkspace.toString());
        robot.clickOn("#policies-field").write(chosenPolicies.toString());
        robot.clickOn("#connect-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> console.viewModel().connectionProperty().get()
                .filter(c -> c.settings().policies().equals(chosenPolicies)).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status-where").queryAs(Label.class).getText())
                .contains(chosenWorkspace.toString(), chosenPolicies.toString());
        assertThat(console.viewModel().connectionProperty().get().orElseThrow().settings().localFolder())
                .isEqualTo(chosenWorkspace);
        assertThat(console.viewModel().connectViewModel().recent().get(0).workspace())
                .contains(chosenWorkspace.toString());
    }

    @Test
    void aFailedConnectionOpensTheErrorDialogWithWhatToDoAndDetails(FxRobot robot) throws Exception {
        robot.clickOn("Custom endpoint");
        TextField endpoint = robot.lookup(".text-field").match(n -> n.isVisible()).queryAs(TextField.class);
        robot.clickOn(endpoint).write("http://localhost:1");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("Veil could not read or reach what it needed");
        assertThat(((Label) pane.getContent()).getText()).contains("check that it is running");
        assertThat(pane.getExpandableContent()).isNotNull();
        assertThat(pane.getScene().getWindow().getScene()).isNotSameAs(console.stage().getScene());
        assertThat(robot.lookup("#connect-button").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void closingSavesTheLayoutAndTheNextRunRestoresIt(FxRobot robot) {
        robot.interact(() -> {
            console.stage().setWidth(1100);
            console.stage().setHeight(700);
            console.viewModel().themeProperty().set(Theme.DARK);
            console.viewModel().pageProperty().set(Page.EXPORT);
            console.close();
        });
        var saved = ConsoleStateStore.inWorkspace(workspace).load().state();
        assertThat(saved.theme()).isEqualTo(Theme.DARK);
        assertThat(saved.lastPage()).isEqualTo("EXPORT");
        assertThat(saved.window()).hasValueSatisfying(w -> {
            assertThat(w.width()).isEqualTo(1100);
            assertThat(w.height()).isEqualTo(700);
        });
        robot.interact(() -> console.stage().close());
    }
}
