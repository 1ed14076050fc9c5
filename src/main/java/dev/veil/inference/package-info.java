/**
 * Turns sampled items into attribute profiles (streaming and mergeable) and suggests a classification for each attribute from its name and its values.
 */
package dev.veil.inference;
