package dev.veil.model;

/**
 * A setting of a whole run that a failure asks the user to change: the message says it in words
 * ("check the endpoint", "choose another workspace") and each face adds where it is set (the
 * command line its option and environment variable, the console its field on the Connect page).
 */
public enum Setting {
    /** Where DynamoDB answers: a URL, or AWS's own endpoint for the region. */
    ENDPOINT,
    /** The AWS region. */
    REGION,
    /** The AWS profile whose credentials (and region) Veil uses. */
    PROFILE,
    /** The directory (or shared database) where Veil keeps decisions, profiles and runs. */
    WORKSPACE,
    /** The cap on read capacity units per second while sampling or auditing. */
    MAX_READ_RATE
}
