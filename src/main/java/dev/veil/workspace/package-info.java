/**
 * The H2 workspace: sampling runs and their profiles, reviewers' decisions and the append-only audit log, with Flyway migrations.
 */
package dev.veil.workspace;
