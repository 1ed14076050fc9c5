package dev.veil.inference.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo {@code users} table: every credential comes out secret, every personal attribute owner-only. */
class DemoUsersTableTest {

    private static Map<AttributePath, Suggestion> suggestions;

    @BeforeAll
    static void suggestForTheDemoTable() {
        Random r = new Random(2026);
        int n = 120;
        List<AttributeProfile> a = new ArrayList<>();
        a.add(scalar("user_id", DynamoType.S, "uuid", r, n));
        a.add(scalar("username", DynamoType.S, "username", r, n));
        a.add(scalar("email", DynamoType.S, "email", r, n));
        a.add(scalar("password_hash", DynamoType.S, "bcrypt", r, n));
        a.add(scalar("api_key", DynamoType.S, "token", r, n));
        a.add(scalar("internal_role", DynamoType.S, "enum:admin|support|user", r, n));
        a.add(scalar("profile_complete", DynamoType.BOOL, "bool", r, n));
        a.add(Profiles.container(AttributePath.of("address"), DynamoType.M, n));
        a.add(scalar("address.street", DynamoType.S, "street", r, n));
        a.add(scalar("address.city", DynamoType.S, "city", r, n));
        a.add(scalar("address.postcode", DynamoType.S, "postcode", r, n));
        a.add(scalar("address.country", DynamoType.S, "country", r, n));
        a.add(Profiles.container(AttributePath.of("orders"), DynamoType.L, n));
        a.add(Profiles.container(AttributePath.parse("orders[]"), DynamoType.M, n));
        a.add(scalar("orders[].order_id", DynamoType.S, "uuid", r, n));
        a.add(scalar("orders[].total", DynamoType.N, "price", r, n));
        a.add(scalar("orders[].placed_at", DynamoType.S, "timestamp", r, n));
        a.add(scalar("phone", DynamoType.S, "phone", r, n));
        a.add(scalar("date_of_birth", DynamoType.S, "dob", r, n));
        a.add(scalar("login_count", DynamoType.N, "int", r, n));
        a.add(scalar("lifetime_points", DynamoType.N, "int", r, n));
        a.add(scalar("tags", DynamoType.SS, "enum:beta|vip|newsletter", r, n));
        a.add(scalar("avatar_thumb", DynamoType.B, "binary", r, n));
        a.add(scalar("middle_name", DynamoType.S, "first-name", r, n));
        suggestions = SuggestionEngine.standard().suggest(Profiles.table("users", a));
    }

    private static AttributeProfile scalar(String path, DynamoType type, String kind, Random r, int n) {
        return Profiles.of(AttributePath.parse(path), type, CorpusValues.generate(kind, r, n));
    }

    private static Suggestion at(String path) {
        Suggestion s = suggestions.get(AttributePath.parse(path));
        assertThat(s).as("suggestion for %s", path).isNotNull();
        return s;
    }

    @Test
    void credentialsAreSecretWithCheckableReasons() {
        assertThat(at("password_hash").classification()).isEqualTo(Classification.SECRET);
        assertThat(at("password_hash").reasons())
                .contains("name tokens `password hash` (credential)", "100% of 120 values look like bcrypt hashes");
        assertThat(at("api_key").classification()).isEqualTo(Classification.SECRET);
        assertThat(at("api_key").reasons()).first().isEqualTo("name tokens `api key` (credential)");
        assertThat(at("internal_role").classification()).isEqualTo(Classification.SECRET);
        assertThat(at("internal_role").reasons()).contains("name prefix `internal` (internal-only data)");
    }

    @Test
    void personalDataIsOwnerOnlyWithCheckableReasons() {
        for (String p : List.of("email", "phone", "date_of_birth", "middle_name", "address", "address.street", "address.city",
                "address.postcode", "address.country", "orders", "orders[].order_id", "orders[].total", "orders[].placed_at")) {
            assertThat(at(p).classification()).as(p).isEqualTo(Classification.OWNER_ONLY);
        }
        assertThat(at("email").reasons()).contains("name token `email` (e-mail address)");
        assertThat(at("email").reasons()).anyMatch(r -> r.matches("\\d+% of 120 values look like e-mail addresses"));
        assertThat(at("date_of_birth").reasons()).anyMatch(r -> r.endsWith("look like dates of birth"));
        assertThat(at("address.country").reasons().get(0)).startsWith("inherits owner-only from `address`");
        assertThat(at("orders[].total").reasons().get(0)).startsWith("inherits owner-only from `orders`");
    }

    @Test
    void identifiersDisplayNamesFlagsAndCountsArePublic() {
        for (String p : List.of("user_id", "username", "profile_complete", "login_count", "tags", "avatar_thumb")) {
            assertThat(at(p).classification()).as(p).isEqualTo(Classification.PUBLIC);
        }
    }

    @Test
    void everyPathGetsASuggestion() {
        assertThat(suggestions).hasSize(24);
    }
}
