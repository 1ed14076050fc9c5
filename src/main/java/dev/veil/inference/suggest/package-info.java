/**
 * Classification suggestions: {@link dev.veil.inference.suggest.NameEvidence} reads attribute
 * names token by token, {@link dev.veil.inference.suggest.ValueEvidence} reads detector hit
 * ratios from profiles, and {@link dev.veil.inference.suggest.SuggestionEngine} combines both
 * (with ancestor paths) into a class, a confidence and reasons a reviewer can check.
 */
package dev.veil.inference.suggest;
