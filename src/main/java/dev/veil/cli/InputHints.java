package dev.veil.cli;

import dev.veil.app.Input;

/** Where on the command line each {@link Input} of a use case is set: the hint after an app message. */
final class InputHints {

    private InputHints() {
    }

    /** The hint for {@code input}, a short sentence naming the option. */
    static String hint(Input input) {
        return switch (input) {
            case ITEMS -> "set it with --items N";
            case MAX_READ_RATE -> "set it with --max-rcu UNITS";
            case PARALLELISM -> "set it with --parallelism N";
            case MIN_CONFIDENCE -> "set it with --min-confidence 0..1";
            case TABLES -> "give table names, or --all";
            case DECISIONS -> "veil tag TABLE PATH CLASS, or veil tag TABLE --accept-suggestions";
            case MARKERS -> "set it with --marker ATTRIBUTE";
            case KEYS -> "set it with --keys PK or --keys PK,SK";
            case ENTITY_OWNER -> "veil owner TABLE ATTRIBUTE --entity E --template 'USER#{id}', then veil publish TABLE "
                    + "without --owner";
            case ENTITIES -> "veil entity TABLE list shows each entity with its match and the corrections in force";
        };
    }
}
