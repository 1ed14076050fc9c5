package dev.veil.ui.state;

/** Where the main window was and how large, in screen coordinates. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

    /** True when the bounds describe a window someone could use (not minimised to nothing). */
    public boolean isUsable() {
        return width >= 400 && height >= 300 && Double.isFinite(x) && Double.isFinite(y);
    }
}
