/**
 * Generates sanitizers for Java, Python and TypeScript services and the projection expressions they fetch with.
 */
package dev.veil.codegen;
