package dev.veil.ui;

import dev.veil.ui.state.ConsoleState;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.collections.ListChangeListener;
import javafx.scene.control.SplitPane;

/**
 * Remembers layout while the console runs: split-pane dividers by key, and whatever else the
 * window adds to the {@link ConsoleState} saved on exit.
 */
public final class LayoutMemory {
    private ConsoleState state;

    public LayoutMemory(ConsoleState initial) {
        this.state = Objects.requireNonNull(initial, "initial");
    }

    public ConsoleState state() {
        return state;
    }

    public void update(UnaryOperator<ConsoleState> change) {
        state = change.apply(state);
    }

    /** Restores {@code pane}'s dividers saved under {@code key} and keeps recording them. */
    public void remember(String key, SplitPane pane) {
        List<Double> saved = state.dividers().getOrDefault(key, List.of());
        if (saved.size() == pane.getDividers().size()) {
            pane.setDividerPositions(saved.stream().mapToDouble(Double::doubleValue).toArray());
        }
        Runnable record = () -> update(s -> s.withDividers(key,
                pane.getDividers().stream().map(SplitPane.Divider::getPosition).toList()));
        pane.getDividers().forEach(d -> d.positionProperty().addListener((obs, o, n) -> record.run()));
        pane.getDividers().addListener((ListChangeListener<SplitPane.Divider>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(d -> d.positionProperty().addListener((obs, o, n) -> record.run()));
            }
        });
    }
}
