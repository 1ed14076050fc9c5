package dev.veil.ui;

import dev.veil.app.VeilSettings;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.ui.connect.ConnectionRequest;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every test of the console's window starts from: the console on TestFX's (headless) stage,
 * over the local DynamoDB with the demo tables, with its own workspace ({@code dir/ws}) and policy
 * store ({@code dir/policies}) in a temporary folder, closed after the test like a real quit. A
 * subclass states only what its test does, with the steps here: connect, choose and sample a
 * table, wait for the background work.
 */
@ExtendWith({LocalDynamoExtension.class, ApplicationExtension.class})
public abstract class ConsoleTestCase {
    // Generous: a whole-account drift audit on a busy two-core machine takes a while.
    private static final long PATIENCE_SECONDS = 300;
    private static LocalDynamo local;

    private final FxRobot fx = new FxRobot();

    /** The test's folder: the workspace is {@code ws} in it, the policy store {@code policies}. */
    @TempDir
    protected Path dir;

    /** The console under test. */
    protected ConsoleApp.Console console;

    @BeforeAll
    static void seedDemoTables(LocalDynamo server, DynamoDbClient dynamo) {
        local = server;
        DemoTables.seeded(dynamo);
    }

    @BeforeEach
    final void openConsole() throws Exception {
        VeilSettings settings = new VeilSettings(Optional.empty(), Optional.of("us-east-1"), Optional.empty(),
                dir.resolve("ws"), policies());
        FxToolkit.setupStage(stage -> {
            console = ConsoleApp.Console.open(stage, settings, ConsoleLauncher.opener(), () -> { });
            place(stage);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    final void closeConsole() throws Exception {
        if (console != null) {
            FxToolkit.setupFixture(console::close);
        }
    }

    /** Where the window stands; the screen's default unless a test needs a size. */
    protected void place(Stage stage) {
    }

    /** A laptop-sized window at the top left, for tests of layout and of what is visible. */
    protected static void at1280By800(Stage stage) {
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    protected MainViewModel vm() {
        return console.viewModel();
    }

    protected Path policies() {
        return dir.resolve("policies");
    }

    protected static LocalDynamo local() {
        return local;
    }

    /** Runs {@code action} on the FX thread and waits for the events it caused. */
    protected void interact(Runnable action) {
        fx.interact(action);
    }

    protected static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until no background task runs. */
    protected void idle() throws Exception {
        waitUntil(() -> !vm().tasks().busyProperty().get());
    }

    /** Connects to the local DynamoDB as a steward would and waits until the tables are listed. */
    protected void connect() throws Exception {
        interact(() -> vm().connect(new ConnectionRequest.Endpoint(local.endpoint(), Optional.of("us-east-1"))));
        waitUntil(() -> vm().connectionProperty().get().isPresent());
        idle();
    }

    /** Selects {@code table} on the Tables page, making it the table every page works on. */
    protected void choose(String table) throws Exception {
        interact(() -> {
            vm().pageProperty().set(Page.TABLES);
            var tables = vm().tablesViewModel();
            tables.tables().stream().filter(t -> t.name().equals(table)).findFirst()
                    .ifPresent(tables.selectedProperty()::set);
        });
        idle();
    }

    /** Chooses {@code table} and samples {@code items} of it from the Tables page; waits until stored. */
    protected void sample(String table, int items) throws Exception {
        choose(table);
        interact(() -> {
            vm().tablesViewModel().itemsProperty().set(items);
            vm().tablesViewModel().sample();
        });
        waitUntil(() -> !vm().tablesViewModel().samplingProperty().get());
        idle();
    }
}
