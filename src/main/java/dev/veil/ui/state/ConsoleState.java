package dev.veil.ui.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the console remembers between runs: theme, window bounds, split-pane divider positions,
 * the last screen and recent connections (endpoint, profile, region; never credentials).
 */
public record ConsoleState(Theme theme, Optional<WindowBounds> window, Map<String, List<Double>> dividers,
                           String lastPage, List<RecentConnection> recentConnections) {

    /** How many recent connections are kept. */
    public static final int MAX_RECENT = 8;

    public ConsoleState {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(window, "window");
        dividers = Map.copyOf(dividers);
        Objects.requireNonNull(lastPage, "lastPage");
        recentConnections = List.copyOf(recentConnections);
    }

    /** The state of a first run. */
    public static ConsoleState initial() {
        return new ConsoleState(Theme.LIGHT, Optional.empty(), Map.of(), "", List.of());
    }

    public ConsoleState withTheme(Theme t) {
        return new ConsoleState(t, window, dividers, lastPage, recentConnections);
    }

    public ConsoleState withWindow(WindowBounds w) {
        return new ConsoleState(theme, Optional.of(w), dividers, lastPage, recentConnections);
    }

    public ConsoleState withDividers(String key, List<Double> positions) {
        Map<String, List<Double>> d = new HashMap<>(dividers);
        d.put(key, List.copyOf(positions));
        return new ConsoleState(theme, window, d, lastPage, recentConnections);
    }

    public ConsoleState withLastPage(String page) {
        return new ConsoleState(theme, window, dividers, page, recentConnections);
    }

    /** Puts {@code c} first, drops an older copy of it, keeps at most {@link #MAX_RECENT}. */
    public ConsoleState withRecent(RecentConnection c) {
        List<RecentConnection> r = new ArrayList<>();
        r.add(c);
        recentConnections.stream().filter(o -> !o.sameTarget(c)).limit(MAX_RECENT - 1L).forEach(r::add);
        return new ConsoleState(theme, window, dividers, lastPage, r);
    }
}
