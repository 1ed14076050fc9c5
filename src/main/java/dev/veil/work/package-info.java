/**
 * How long-running work is stopped and how it reports how far it got: one cancellation type and
 * one progress type shared by {@code dynamo} (the sampler) and {@code app} (the use cases) and
 * shown by the faces. A leaf: it depends on nothing else of Veil.
 */
package dev.veil.work;
