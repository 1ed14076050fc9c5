/**
 * The JavaFX console: one view and one view model per screen, both faces over app.
 */
package dev.veil.ui;
