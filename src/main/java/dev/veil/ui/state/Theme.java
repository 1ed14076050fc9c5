package dev.veil.ui.state;

/** The console's two looks; the CSS of each comes from AtlantaFX's Primer themes. */
public enum Theme {
    LIGHT, DARK;

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
