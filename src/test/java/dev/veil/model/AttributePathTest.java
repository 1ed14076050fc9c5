package dev.veil.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AttributePathTest {

    @Test
    void printsBareNamesJoinedByDots() {
        assertThat(AttributePath.of("address", "city")).hasToString("address.city");
    }

    @Test
    void printsListElementsAsBrackets() {
        assertThat(AttributePath.of("orders").elements().child("total")).hasToString("orders[].total");
    }

    @Test
    void quotesNamesThatAreNotBare() {
        assertThat(AttributePath.of("weird.name", "x y")).hasToString("\"weird.name\".\"x y\"");
    }

    @Test
    void quotesTheEmptyName() {
        assertThat(AttributePath.of("")).hasToString("\"\"");
    }

    @Test
    void parsesQuotedFormOfBareNames() {
        assertThat(AttributePath.parse("\"city\"")).isEqualTo(AttributePath.of("city"));
    }

    @Test
    void parsesJsonEscapesInQuotedNames() {
        assertThat(AttributePath.parse("\"a\\u0041\\n\\\"\"")).isEqualTo(AttributePath.of("aA\n\""));
    }

    @Test
    void parsesNestedListsOfLists() {
        AttributePath p = AttributePath.parse("matrix[][].v");
        assertThat(p.segments()).hasSize(4);
        assertThat(p).hasToString("matrix[][].v");
    }

    @Test
    void rejectsAPathStartingWithElements() {
        assertThatThrownBy(() -> AttributePath.parse("[].a"))
                .isInstanceOf(PathSyntaxException.class)
                .hasMessageContaining("column 1");
    }

    @Test
    void reportsTheColumnOfAnUnexpectedCharacter() {
        assertThatThrownBy(() -> AttributePath.parse("address.ci ty"))
                .isInstanceOfSatisfying(PathSyntaxException.class, e -> assertThat(e.column()).isEqualTo(11));
    }

    @Test
    void rejectsUnterminatedQuotes() {
        assertThatThrownBy(() -> AttributePath.parse("a.\"b"))
                .isInstanceOf(PathSyntaxException.class)
                .hasMessageContaining("unterminated");
    }

    @Test
    void rejectsEmptySegments() {
        assertThatThrownBy(() -> AttributePath.parse("a..b")).isInstanceOf(PathSyntaxException.class);
        assertThatThrownBy(() -> AttributePath.parse("a.")).isInstanceOf(PathSyntaxException.class);
        assertThatThrownBy(() -> AttributePath.parse("")).isInstanceOf(PathSyntaxException.class);
    }

    @Test
    void knowsItsAncestorsAndContainment() {
        AttributePath p = AttributePath.parse("orders[].total");
        assertThat(p.ancestors()).extracting(AttributePath::toString).containsExactly("orders", "orders[]");
        assertThat(AttributePath.of("orders").contains(p)).isTrue();
        assertThat(p.contains(AttributePath.of("orders"))).isFalse();
        assertThat(p.lastName()).isEqualTo("total");
    }

    @Test
    void sortsParentsBeforeChildren() {
        List<AttributePath> sorted = List.of(AttributePath.parse("a.b"), AttributePath.parse("a"),
                AttributePath.parse("a[]")).stream().sorted().toList();
        assertThat(sorted).extracting(AttributePath::toString).containsExactly("a", "a[]", "a.b");
    }

    @Property(tries = 2000)
    void printingThenParsingGivesTheSamePath(@ForAll("paths") AttributePath path) {
        assertThat(AttributePath.parse(path.toString())).isEqualTo(path);
    }

    @Property(tries = 1000)
    void quotingEveryNameAlsoParsesBack(@ForAll("names") String name) {
        assertThat(AttributePath.parse(AttributePath.jsonQuote(name))).isEqualTo(AttributePath.of(name));
    }

    @Provide
    Arbitrary<AttributePath> paths() {
        Arbitrary<AttributePath.Segment> segment = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, names().map(AttributePath.Name::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new AttributePath.Elements())));
        return Combinators.combine(names(), segment.list().ofMaxSize(6)).as((first, rest) -> {
            List<AttributePath.Segment> all = new java.util.ArrayList<>();
            all.add(new AttributePath.Name(first));
            all.addAll(rest);
            return new AttributePath(all);
        });
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("ab.[]\"\\ #:*/$\u2028😀").ofMaxLength(8),
                Arbitraries.of("name", "status", "data", "user", "class", "\"\"\"", "${x}", "*/", "a.b", "x y"));
    }
}
