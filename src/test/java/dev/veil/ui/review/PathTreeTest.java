package dev.veil.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributePath;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PathTreeTest {
    private static List<AttributePath> paths(String... texts) {
        return java.util.Arrays.stream(texts).map(AttributePath::parse).toList();
    }

    @Test
    void nestedMapsAndListsBecomeChildrenOfTheirParents() {
        List<PathTree.Node<AttributePath>> roots = PathTree.build(
                paths("orders[].total", "address", "address.city", "orders", "orders[]", "email"), p -> p);
        assertThat(roots).extracting(n -> n.path().toString()).containsExactly("address", "email", "orders");
        PathTree.Node<AttributePath> orders = roots.get(2);
        assertThat(orders.children()).singleElement().satisfies(elements -> {
            assertThat(PathTree.stepLabel(elements.path())).isEqualTo("[]");
            assertThat(elements.children()).extracting(n -> n.path().toString()).containsExactly("orders[].total");
        });
    }

    @Test
    void anAncestorNoRowDescribesStillAppearsWithoutARow() {
        List<PathTree.Node<AttributePath>> roots = PathTree.build(paths("profile.bio"), p -> p);
        assertThat(roots).singleElement().satisfies(n -> {
            assertThat(n.path()).isEqualTo(AttributePath.of("profile"));
            assertThat(n.row()).isEqualTo(Optional.empty());
            assertThat(n.children()).singleElement().extracting(PathTree.Node::row)
                    .isEqualTo(Optional.of(AttributePath.parse("profile.bio")));
        });
    }

    @Test
    void aFilterKeepsMatchesAndTheirAncestorsOnly() {
        List<PathTree.Node<AttributePath>> roots = PathTree.build(
                paths("address", "address.city", "address.zip", "email"), p -> p,
                p -> p.toString().endsWith("city"));
        assertThat(roots).singleElement().satisfies(n -> {
            assertThat(n.path().toString()).isEqualTo("address");
            assertThat(n.row()).isPresent();
            assertThat(n.children()).extracting(c -> c.path().toString()).containsExactly("address.city");
        });
    }

    @Test
    void oddNamesAreLabelledAsTheyAreWrittenInPaths() {
        assertThat(PathTree.stepLabel(AttributePath.of("meta", "x y"))).isEqualTo("\"x y\"");
    }
}
