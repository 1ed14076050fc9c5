package dev.veil.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributePath;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClosePathsTest {

    private static final Set<AttributePath> KNOWN = Set.of("user_id", "email", "password_hash", "api_key", "orders",
            "orders[]", "orders[].total", "orders[].order_id", "address", "address.city").stream()
            .map(AttributePath::parse).collect(Collectors.toSet());

    private static List<String> closest(String wanted) {
        return ClosePaths.to(AttributePath.parse(wanted), KNOWN).stream().map(AttributePath::toString).toList();
    }

    @Test
    void aOneLetterTypoFindsTheIntendedPath() {
        assertThat(closest("pasword_hash")).first().isEqualTo("password_hash");
    }

    @Test
    void aPathWithoutItsListStepFindsThePathThroughTheList() {
        assertThat(closest("orders.total")).first().isEqualTo("orders[].total");
    }

    @Test
    void letterCaseIsSetAside() {
        assertThat(closest("Email")).first().isEqualTo("email");
    }

    @Test
    void aTypoInANestedNameFindsThePath() {
        assertThat(closest("address.cty")).first().isEqualTo("address.city");
        assertThat(closest("orders[].totl")).first().isEqualTo("orders[].total");
    }

    @Test
    void aBareLeafNameFindsTheNestedPathEndingInIt() {
        assertThat(closest("total")).contains("orders[].total");
    }

    @Test
    void nothingFarOffIsSuggested() {
        assertThat(closest("nosuch_thing_at_all")).isEmpty();
    }

    @Test
    void atMostThreeAreSuggested() {
        assertThat(closest("orders[].x")).hasSizeLessThanOrEqualTo(3);
    }
}
