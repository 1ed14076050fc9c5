package dev.veil.model;

import java.util.Locale;
import java.util.Optional;

/** The ten DynamoDB attribute value types, named by their wire codes. */
public enum DynamoType {
    S, N, B, BOOL, NULL, M, L, SS, NS, BS;

    /** The wire code as DynamoDB writes it ("S", "BOOL", "SS"...). */
    public String code() {
        return name();
    }

    /** Whether values of this type hold other attribute values (maps and lists). */
    public boolean isContainer() {
        return this == M || this == L;
    }

    /** Whether values of this type are sets. */
    public boolean isSet() {
        return this == SS || this == NS || this == BS;
    }

    /** Parses a wire code, case-insensitively. */
    public static Optional<DynamoType> fromCode(String code) {
        try {
            return Optional.of(valueOf(code.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
