/**
 * Policy files: canonical JSON, digests, the versioned store, diffs, validation, and the reference sanitizer every generator is tested against.
 */
package dev.veil.policy;
