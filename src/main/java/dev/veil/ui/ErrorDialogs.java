package dev.veil.ui;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The console's one error dialog: an alert owned by the main window saying what happened and what
 * to do, with the stack trace as expandable details. Also the handler of uncaught exceptions.
 */
public final class ErrorDialogs {
    private final Supplier<Window> owner;

    public ErrorDialogs(Supplier<Window> owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** Shows the dialog for {@code error}; callable from any thread. */
    public void show(Throwable error) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> show(error));
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR);
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            alert.initOwner(w);
        }
        alert.setTitle("Veil");
        alert.setHeaderText(ErrorMessages.headline(error));
        Label message = new Label(ErrorMessages.message(error));
        message.setWrapText(true);
        message.setMaxWidth(560);
        alert.getDialogPane().setContent(message);
        alert.getDialogPane().setExpandableContent(details(error));
        alert.getDialogPane().setPrefWidth(620);
        alert.show();
    }

    /** Routes every uncaught exception, on any thread, to this dialog. */
    public void installAsUncaughtHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> show(error));
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> show(error));
        }
    }

    private static VBox details(Throwable error) {
        TextArea trace = new TextArea(ErrorMessages.details(error));
        trace.setEditable(false);
        trace.setWrapText(false);
        trace.getStyleClass().add(Styles.ERROR_DETAILS);
        trace.setAccessibleText("Error details");
        trace.setPrefRowCount(14);
        VBox.setVgrow(trace, Priority.ALWAYS);
        return new VBox(6, new Label("Details"), trace);
    }
}
