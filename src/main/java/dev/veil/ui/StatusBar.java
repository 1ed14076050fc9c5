package dev.veil.ui;

import dev.veil.work.Progress;
import dev.veil.ui.task.BackgroundTasks;
import dev.veil.ui.task.TaskHandle;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The bottom line: the connection, the workspace and policy store it works on, the last outcome,
 * and the running task with progress and cancel.
 */
final class StatusBar {
    // A flow, not a row: on a narrow window a long path moves to a second line instead of being cut.
    private final FlowPane root = new FlowPane();

    StatusBar(MainViewModel vm) {
        BackgroundTasks tasks = vm.tasks();
        Label connection = new Label();
        connection.textProperty().bind(vm.connectionLabel());
        FontIcon plug = new FontIcon(Feather.DATABASE);
        connection.setGraphic(plug);
        connection.getStyleClass().add(Styles.STATUS_CONNECTION);
        connection.setId("status-connection");

        Label where = new Label();
        where.textProperty().bind(vm.whereLabel());
        where.setGraphic(new FontIcon(Feather.FOLDER));
        where.setId("status-where");

        Label outcome = new Label();
        outcome.textProperty().bind(tasks.lastOutcomeProperty());
        outcome.setId("status-outcome");

        Label taskMessage = new Label();
        taskMessage.textProperty().bind(Bindings.createStringBinding(() -> message(tasks),
                tasks.progressProperty(), tasks.currentProperty()));
        taskMessage.setId("status-task");

        ProgressBar bar = new ProgressBar();
        bar.getStyleClass().addAll(Styles.STATUS_PROGRESS, Styles.SMALL);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> tasks.progressProperty().get().fraction(),
                tasks.progressProperty()));
        bar.setAccessibleText("Progress of the running task");
        bar.setId("status-progress");

        Button cancel = Views.iconButton(Feather.X_CIRCLE, "Cancel the running task (Esc)");
        cancel.setOnAction(e -> tasks.cancelCurrent());
        cancel.setId("status-cancel");

        for (Node n : new Node[] {taskMessage, bar, cancel}) {
            n.visibleProperty().bind(tasks.busyProperty());
            n.managedProperty().bind(tasks.busyProperty());
        }
        root.getChildren().addAll(connection, where, outcome, taskMessage, bar, cancel);
        for (Label l : new Label[] {connection, where, outcome, taskMessage}) {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(l.textProperty());
            l.setTooltip(tip);
        }
        root.getStyleClass().add(Styles.STATUS_BAR);
    }

    Node root() {
        return root;
    }

    private static String message(BackgroundTasks tasks) {
        String title = tasks.currentProperty().get().map(TaskHandle::title).orElse("");
        Progress p = tasks.progressProperty().get();
        return p.message().isBlank() || p.message().equals(title) ? title : title + " — " + p.message();
    }
}
