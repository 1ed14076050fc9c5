package dev.veil.ui.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The console's event bus: view models publish what they changed, pages subscribe to the kinds
 * of change they show. Everything happens on the UI thread, in subscription order; a handler
 * starts its slow work in the background itself.
 */
public final class ConsoleEvents {
    private final List<Consumer<ConsoleEvent>> handlers = new ArrayList<>();

    /** Calls {@code handler} with every event of {@code type} published from now on. */
    public <E extends ConsoleEvent> void on(Class<E> type, Consumer<? super E> handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        handlers.add(e -> {
            if (type.isInstance(e)) {
                handler.accept(type.cast(e));
            }
        });
    }

    /** Tells every subscriber of its kind about {@code event}. */
    public void publish(ConsoleEvent event) {
        Objects.requireNonNull(event, "event");
        // A handler may subscribe or publish in turn: deliver to the subscribers of this moment.
        for (Consumer<ConsoleEvent> h : List.copyOf(handlers)) {
            h.accept(event);
        }
    }
}
