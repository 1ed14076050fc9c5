package dev.veil.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.model.AttributePath;
import dev.veil.model.DynamoType;
import dev.veil.model.TableProfile;
import dev.veil.model.KeySchema;
import dev.veil.model.IndexInfo;
import dev.veil.testing.ProfileBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ProfileJsonTest {

    @Test
    void aRichProfileSurvivesTheRoundTripExactly() {
        TableProfile profile = TestProfiles.rich("User-Profiles.v2", TestProfiles.T0);

        TableProfile back = ProfileJson.read(ProfileJson.write(profile));

        assertThat(back).isEqualTo(profile);
    }

    @Test
    void theTablesIndexesSurviveTheRoundTrip() {
        KeySchema byStatus = new KeySchema(new KeySchema.KeyAttribute("status", DynamoType.S),
                Optional.of(new KeySchema.KeyAttribute("placed_at", DynamoType.S)));
        TableProfile profile = TestProfiles.rich("orders", TestProfiles.T0).withIndexes(List.of(
                new IndexInfo("by_status", IndexInfo.Kind.GLOBAL, byStatus, IndexInfo.Projection.INCLUDE, List.of("total")),
                new IndexInfo("by_placed_at", IndexInfo.Kind.LOCAL, byStatus, IndexInfo.Projection.KEYS_ONLY, List.of())));

        TableProfile back = ProfileJson.read(ProfileJson.write(profile));

        assertThat(back.indexes()).isEqualTo(profile.indexes());
    }

    @Test
    void aProfileStoredBeforeIndexesWereRecordedReadsWithNone() {
        String json = ProfileJson.write(TestProfiles.rich("orders", TestProfiles.T0));

        assertThat(json).doesNotContain("\"indexes\"");
        assertThat(ProfileJson.read(json).indexes()).isEmpty();
    }

    @Test
    void numbersKeepTheirScaleAndDigits() {
        TableProfile back = ProfileJson.read(ProfileJson.write(TestProfiles.rich("t", TestProfiles.T0)));

        var range = back.attribute(AttributePath.of("rate")).orElseThrow().numberRange().orElseThrow();
        assertThat(range.min().scale()).isEqualTo(2);
        assertThat(range.max()).isEqualTo(new BigDecimal("1E-130"));
    }

    @Test
    void pathsAreStoredInTheirPrintedForm() {
        String json = ProfileJson.write(TestProfiles.rich("t", TestProfiles.T0));

        assertThat(json).contains("\"path\":\"orders[].total\"").contains("\"path\":\"weird.\\\"a.b\\\"\"");
    }

    @Test
    void theStoredTextIsPureAscii() {
        String json = ProfileJson.write(TestProfiles.rich("t\u00e9", TestProfiles.T0));

        assertThat(json.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    @Test
    void settingsRoundTripSorted() {
        String json = ProfileJson.writeSettings(Map.of("segments", "8", "items", "500", "\u00e9", "\"q\""));

        assertThat(ProfileJson.readSettings(json)).containsExactly(Map.entry("items", "500"), Map.entry("segments", "8"),
                Map.entry("\u00e9", "\"q\""));
    }

    @Test
    void aMissingFieldIsNamedInTheError() {
        String json = ProfileJson.write(TestProfiles.simple("t", TestProfiles.T0, "a")).replace("\"itemsPresent\"", "\"x\"");

        assertThatThrownBy(() -> ProfileJson.read(json))
                .isInstanceOf(ProfileJson.MalformedProfileException.class)
                .hasMessageContaining("\"itemsPresent\"");
    }

    @Test
    void anUnknownFormatIsRefused() {
        String json = ProfileJson.write(TestProfiles.simple("t", TestProfiles.T0, "a")).replace(ProfileJson.FORMAT, "veil-profile/9");

        assertThatThrownBy(() -> ProfileJson.read(json)).hasMessageContaining("veil-profile/9");
    }

    @Property(tries = 300)
    void anyNamesAndNumbersRoundTrip(@ForAll("names") String top, @ForAll("names") String nested,
                                     @ForAll("decimals") BigDecimal a, @ForAll("decimals") BigDecimal b,
                                     @ForAll("names") String example) {
        AttributePath path = AttributePath.of(top).elements().child(nested);
        var attribute = TestProfiles.attribute(path, Map.of(DynamoType.N, 2L), List.of(example), Optional.empty(),
                Optional.empty(), Optional.of(new dev.veil.model.AttributeProfile.NumberRange(a, b)));
        TableProfile profile = ProfileBuilder.table(top).source("export:" + nested).sampledAt(TestProfiles.T0)
                .items(2).attributes(List.of(attribute))
                .coverage(dev.veil.model.SampleCoverage.unsegmented(2, 1, 0.5, false)).build();

        assertThat(ProfileJson.read(ProfileJson.write(profile))).isEqualTo(profile);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().all().ofMaxLength(12);
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Arbitraries.bigIntegers().between(BigInteger.TEN.pow(38).negate(), BigInteger.TEN.pow(38))
                .flatMap(unscaled -> Arbitraries.integers().between(-130, 130).map(scale -> new BigDecimal(unscaled, scale)));
    }
}
