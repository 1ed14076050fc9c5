package dev.veil.workspace;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.AttributeProfile.LengthRange;
import dev.veil.model.AttributeProfile.NumberRange;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.DecisionSource;
import dev.veil.model.DynamoType;
import dev.veil.model.KeySchema;
import dev.veil.model.SampleCoverage;
import dev.veil.model.TableProfile;
import dev.veil.testing.ProfileBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Profiles and decisions for the workspace tests. */
final class TestProfiles {
    static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456789Z");

    /** Attribute names a path must survive: separators, quotes, escapes, control and non-BMP characters. */
    static final List<String> HOSTILE_NAMES = List.of("", "a.b", "\"quoted\"", "back\\slash", "[]", "x y",
            "new\nline", "\u0000nul", "tab\there", "emoji \uD83D\uDD10", "lone \uD800 high", "\uDC00 lone low",
            "\u00fcn\u00efc\u00f6d\u00e9", "line\u2028sep", "'single'", "semi;colon", "--", "%s{}$");

    private TestProfiles() {
    }

    /** A profile exercising every field: optional parts present and absent, exact numbers, nested paths. */
    static TableProfile rich(String table, Instant sampledAt) {
        List<AttributeProfile> attributes = new ArrayList<>();
        attributes.add(attribute(AttributePath.of("user_id"), Map.of(DynamoType.S, 40L), List.of("aaaa-0000"),
                Optional.of(new LengthRange(9, 36)), Optional.empty(), Optional.empty()));
        attributes.add(attribute(AttributePath.of("balance"), Map.of(DynamoType.N, 38L, DynamoType.NULL, 2L), List.of(),
                Optional.empty(), Optional.empty(), Optional.of(new NumberRange(
                        new BigDecimal("-99999999999999999999999999999999999999"),
                        new BigDecimal("1.2345678901234567890123456789012345678E+125")))));
        attributes.add(attribute(AttributePath.of("rate"), Map.of(DynamoType.N, 3L), List.of(), Optional.empty(),
                Optional.empty(), Optional.of(new NumberRange(new BigDecimal("0.10"), new BigDecimal("1E-130")))));
        attributes.add(attribute(AttributePath.of("avatar"), Map.of(DynamoType.B, 5L), List.of(), Optional.empty(),
                Optional.of(new LengthRange(0, 400_000)), Optional.empty()));
        attributes.add(attribute(AttributePath.of("orders").elements().child("total"), Map.of(DynamoType.N, 12L),
                List.of(), Optional.empty(), Optional.empty(),
                Optional.of(new NumberRange(BigDecimal.ZERO, new BigDecimal("12.50")))));
        attributes.add(attribute(AttributePath.of("tags"), Map.of(DynamoType.SS, 4L, DynamoType.L, 1L), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        for (String name : HOSTILE_NAMES) {
            attributes.add(attribute(AttributePath.of("weird", name), Map.of(DynamoType.S, 1L),
                    List.of("aaa " + name.length()), Optional.of(new LengthRange(1, 1)), Optional.empty(), Optional.empty()));
            attributes.add(attribute(AttributePath.of(name).elements().child(name), Map.of(DynamoType.BOOL, 1L),
                    List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        KeySchema key = new KeySchema(new KeySchema.KeyAttribute("user_id", DynamoType.S),
                Optional.of(new KeySchema.KeyAttribute("created", DynamoType.N)));
        return ProfileBuilder.table(table).sampledAt(sampledAt).items(40).key(key).attributes(attributes)
                .coverage(new SampleCoverage(4096, 64, 40, 37, 3, 0.0123456789012345, true)).build();
    }

    /** A small profile of the given top-level attributes. */
    static TableProfile simple(String table, Instant sampledAt, String... attributeNames) {
        List<AttributeProfile> attributes = new ArrayList<>();
        for (String name : attributeNames) {
            attributes.add(attribute(AttributePath.of(name), Map.of(DynamoType.S, 1L), List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty()));
        }
        return ProfileBuilder.table(table).source("export:/tmp/x").sampledAt(sampledAt).items(1)
                .attributes(attributes).coverage(SampleCoverage.unsegmented(1, 0, 0.0, false)).build();
    }

    static AttributeProfile attribute(AttributePath path, Map<DynamoType, Long> types, List<String> examples,
                                      Optional<LengthRange> strings, Optional<LengthRange> binaries,
                                      Optional<NumberRange> numbers) {
        long values = types.values().stream().mapToLong(Long::longValue).sum();
        TreeMap<String, Long> hits = new TreeMap<>();
        hits.put("email", values / 2);
        hits.put("bcrypt", 0L);
        return ProfileBuilder.attribute(path).types(types).present(values).presence(values / 40.0).strings(strings)
                .binaries(binaries).numbers(numbers).distinct(values - 1).examples(examples).scanned(values).hits(hits)
                .build();
    }

    static Decision decision(String table, String path, Classification c, String note) {
        return decision(table, AttributePath.parse(path), c, note, T0);
    }

    static Decision decision(String table, AttributePath path, Classification c, String note, Instant at) {
        return new Decision(table, path, c, "steward", at, note, DecisionSource.MANUAL);
    }
}
