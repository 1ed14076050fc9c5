/**
 * Use cases shared by the console and the command line: sample, tag, review, publish, export, audit. The only package that wires the others together.
 */
package dev.veil.app;
