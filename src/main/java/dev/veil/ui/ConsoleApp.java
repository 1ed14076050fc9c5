package dev.veil.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.veil.app.VeilException;
import dev.veil.app.VeilSettings;
import dev.veil.ui.connect.AwsConfigFiles;
import dev.veil.ui.connect.ConnectionOpener;
import dev.veil.ui.connect.ConnectionRequest;
import dev.veil.ui.state.ConsoleStateStore;
import dev.veil.ui.state.Theme;
import dev.veil.ui.task.BackgroundTasks;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: builds the main window over the settings {@link ConsoleLauncher} was
 * given, restores the remembered layout, and on exit cancels every task and saves the layout.
 */
public final class ConsoleApp extends Application {
    private Console console;

    @Override
    public void start(Stage stage) {
        ConsoleLauncher.Launch launch = ConsoleLauncher.pending();
        console = Console.open(stage, launch.settings(), ConsoleLauncher.opener(), Platform::exit);
        if (launch.demo()) {
            console.viewModel().connect(new ConnectionRequest.Demo());
        }
    }

    @Override
    public void stop() {
        if (console != null) {
            console.close();
        }
    }

    /**
     * One running console: view model, window, tasks and layout store. Tests open it on their
     * own stage through {@link #open}.
     */
    public static final class Console implements AutoCloseable {
        private final Stage stage;
        private final MainViewModel vm;
        private final MainWindow window;
        private final ConsoleStateStore store;
        private final BackgroundTasks tasks;

        private Console(Stage stage, MainViewModel vm, MainWindow window, ConsoleStateStore store,
                        BackgroundTasks tasks) {
            this.stage = stage;
            this.vm = vm;
            this.window = window;
            this.store = store;
            this.tasks = tasks;
        }

        /** Builds the console on {@code stage} and shows it. */
        public static Console open(Stage stage, VeilSettings settings, ConnectionOpener opener, Runnable quit) {
            ConsoleStateStore store = ConsoleStateStore.inWorkspace(settings.localFolder());
            ConsoleStateStore.Loaded loaded = store.load();
            BackgroundTasks tasks = new BackgroundTasks(Platform::runLater);
            AwsConfigFiles aws = AwsConfigFiles.fromEnvironment(System.getenv(),
                    Path.of(System.getProperty("user.home")));
            MainViewModel vm = new MainViewModel(settings, loaded.state(), tasks, aws, opener);
            LayoutMemory layout = new LayoutMemory(loaded.state());
            MainWindow window = new MainWindow(vm, layout, quit);
            ErrorDialogs errors = new ErrorDialogs(() -> stage);
            tasks.setDefaultFailureHandler(errors::show);
            errors.installAsUncaughtHandler();

            Scene scene = new Scene(window.root());
            scene.getStylesheets().add(ConsoleApp.class.getResource(Styles.STYLESHEET).toExternalForm());
            window.installKeys(scene);
            applyTheme(vm.themeProperty().get());
            vm.themeProperty().addListener((obs, o, n) -> applyTheme(n));
            stage.setScene(scene);
            stage.setTitle("Veil");
            WindowPlacement.restore(stage, loaded.state().window());
            WindowPlacement.track(stage, layout);
            stage.show();
            loaded.problem().ifPresent(p -> errors.show(VeilException.badInput(p)));
            return new Console(stage, vm, window, store, tasks);
        }

        public MainViewModel viewModel() {
            return vm;
        }

        public MainWindow window() {
            return window;
        }

        public Stage stage() {
            return stage;
        }

        /** Cancels every task, then saves the layout; never throws (the window is going anyway). */
        @Override
        public void close() {
            tasks.close();
            try {
                store.save(vm.remember(window.layout().state()));
            } catch (RuntimeException e) {
                Optional.ofNullable(Thread.getDefaultUncaughtExceptionHandler())
                        .ifPresent(h -> h.uncaughtException(Thread.currentThread(), e));
            } finally {
                vm.closeConnection();
            }
        }
    }

    private static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
