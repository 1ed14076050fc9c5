/** The console's typed events: what changed, so each page reloads only that. */
package dev.veil.ui.event;
