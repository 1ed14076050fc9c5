/**
 * The picocli command line: one small command class per command, all of them thin faces over app.
 */
package dev.veil.cli;
