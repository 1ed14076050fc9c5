/**
 * Audits tables against their published policies and across each other, and writes the findings as
 * JSON, Markdown, HTML or SARIF.
 *
 * <p>The app layer gathers one {@link dev.veil.drift.TableAuditInput} per table (DescribeTable, the
 * latest and earlier samples, decisions, suggestions, the published policy and its file) and calls
 * {@link dev.veil.drift.DriftAuditor#audit}; tables it could not read join the report as
 * {@link dev.veil.drift.DriftAuditor#error error findings}. The {@link dev.veil.drift.DriftReport}
 * goes to a {@link dev.veil.drift.ReportFormat}'s writer, and {@link dev.veil.drift.FailOn} decides
 * the exit code. Severities per kind are listed on {@link dev.veil.drift.DriftAuditor}; the JSON shape
 * on {@link dev.veil.drift.JsonReportWriter} and in {@code drift-report.schema.json} beside this package.
 */
package dev.veil.drift;
