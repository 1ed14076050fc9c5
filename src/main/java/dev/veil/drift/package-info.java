/**
 * Audits tables against their published policies and across each other, and writes the findings as JSON, Markdown, HTML or SARIF.
 */
package dev.veil.drift;
