package dev.veil.app;

/**
 * Which input of a use case a bad-input failure is about, so each face can say where to change
 * it in its own words (the command line names its option, the console its control) while the
 * message itself, written here, names neither.
 */
public enum Input {
    /** How many items to sample or audit. */
    ITEMS,
    /** The cap on read capacity units per second. */
    MAX_READ_RATE,
    /** How many tables to audit at once. */
    PARALLELISM,
    /** The confidence a suggestion needs to be accepted. */
    MIN_CONFIDENCE,
    /** Which tables to audit. */
    TABLES,
    /** What to record about an attribute: a path and a class, or the suggestions. */
    DECISIONS,
    /** The attributes that name each item's kind in a single-table design. */
    MARKERS,
    /** The key attribute names of the table an export was made of. */
    KEYS,
    /** Who owns the items of each entity of a single-table design (not one owner for the whole table). */
    ENTITY_OWNER,
    /** A correction of the entities of a single-table design: names, matches, the marker. */
    ENTITIES
}
