package dev.veil.testing;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.AttributeProfile.LengthRange;
import dev.veil.model.AttributeProfile.NumberRange;
import dev.veil.model.DynamoType;
import dev.veil.model.KeySchema;
import dev.veil.model.SampleCoverage;
import dev.veil.model.TableProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one builder of profiles for tests: every field has a plain default (present in every item,
 * nothing scanned, no ranges, no examples, no detector hits), and a test sets only what it is about.
 */
public final class ProfileBuilder {

    private ProfileBuilder() {
    }

    /** An attribute profile of {@code path}. */
    public static Attribute attribute(AttributePath path) {
        return new Attribute(path);
    }

    /** An attribute profile of the parsed {@code path}. */
    public static Attribute attribute(String path) {
        return new Attribute(AttributePath.parse(path));
    }

    /** A profile of {@code table}, sampled from the table itself at the epoch. */
    public static Table table(String table) {
        return new Table(table);
    }

    /** Builds one {@link AttributeProfile}. */
    public static final class Attribute {
        private final AttributePath path;
        private Map<DynamoType, Long> types = Map.of(DynamoType.S, 1L);
        private Long itemsPresent;
        private double presence = 1.0;
        private Optional<LengthRange> strings = Optional.empty();
        private Optional<LengthRange> binaries = Optional.empty();
        private Optional<NumberRange> numbers = Optional.empty();
        private long distinct;
        private List<String> examples = List.of();
        private long scanned;
        private Map<String, Long> hits = Map.of();

        private Attribute(AttributePath path) {
            this.path = path;
        }

        public Attribute types(Map<DynamoType, Long> counts) {
            this.types = counts;
            return this;
        }

        public Attribute type(DynamoType type, long count) {
            return types(Map.of(type, count));
        }

        /** Items holding the attribute; by default the sum of the type counts. */
        public Attribute present(long items) {
            this.itemsPresent = items;
            return this;
        }

        public Attribute presence(double share) {
            this.presence = share;
            return this;
        }

        public Attribute strings(Optional<LengthRange> range) {
            this.strings = range;
            return this;
        }

        public Attribute binaries(Optional<LengthRange> range) {
            this.binaries = range;
            return this;
        }

        public Attribute numbers(Optional<NumberRange> range) {
            this.numbers = range;
            return this;
        }

        public Attribute numbers(String min, String max) {
            return numbers(Optional.of(new NumberRange(new BigDecimal(min), new BigDecimal(max))));
        }

        public Attribute distinct(long estimate) {
            this.distinct = estimate;
            return this;
        }

        public Attribute examples(List<String> masked) {
            this.examples = masked;
            return this;
        }

        public Attribute scanned(long values) {
            this.scanned = values;
            return this;
        }

        public Attribute hits(Map<String, Long> detectorHits) {
            this.hits = detectorHits;
            return this;
        }

        public AttributeProfile build() {
            long present = itemsPresent != null ? itemsPresent
                    : types.values().stream().mapToLong(Long::longValue).sum();
            return new AttributeProfile(path, types, present, presence, strings, binaries, numbers, distinct,
                    examples, scanned, new TreeMap<>(hits));
        }
    }

    /** Builds one {@link TableProfile}. */
    public static final class Table {
        private final String table;
        private String source = "table";
        private Instant sampledAt = Instant.EPOCH;
        private long items = 1;
        private Optional<KeySchema> key = Optional.empty();
        private final List<AttributeProfile> attributes = new ArrayList<>();
        private SampleCoverage coverage;

        private Table(String table) {
            this.table = table;
        }

        public Table source(String text) {
            this.source = text;
            return this;
        }

        public Table sampledAt(Instant at) {
            this.sampledAt = at;
            return this;
        }

        /** Items sampled; the coverage defaults to an unsegmented, stable scan of as many. */
        public Table items(long count) {
            this.items = count;
            return this;
        }

        public Table key(KeySchema schema) {
            this.key = Optional.of(schema);
            return this;
        }

        public Table attributes(List<AttributeProfile> profiles) {
            this.attributes.addAll(profiles);
            return this;
        }

        public Table coverage(SampleCoverage c) {
            this.coverage = c;
            return this;
        }

        public TableProfile build() {
            return new TableProfile(table, source, sampledAt, items, key, attributes,
                    coverage != null ? coverage : SampleCoverage.unsegmented(items, 0, 0, true), List.of());
        }
    }
}
