package dev.veil.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.veil.model.DynamoType;
import dev.veil.model.DynamoValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemConverterTest {

    @Property(tries = 300)
    void modelValuesSurviveARoundTripThroughTheSdk(@ForAll("values") DynamoValue value) {
        assertThat(ItemConverter.toModel(ItemConverter.toSdk(value))).isEqualTo(value);
    }

    @Property(tries = 300)
    void sdkValuesSurviveARoundTripThroughTheModel(@ForAll("values") DynamoValue value) {
        AttributeValue sdk = ItemConverter.toSdk(value);

        assertThat(ItemConverter.toSdk(ItemConverter.toModel(sdk))).isEqualTo(sdk);
    }

    @Property(tries = 200)
    void numbersKeepTheirExactText(@ForAll("numbers") String number) {
        DynamoValue value = ItemConverter.toModel(AttributeValue.fromN(number));

        assertThat(value).isEqualTo(new DynamoValue.N(number));
        assertThat(ItemConverter.toSdk(value).n()).isEqualTo(number);
    }

    @org.junit.jupiter.api.Test
    void everySdkTypeMapsToTheModelTypeOfTheSameCode() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("s", AttributeValue.fromS("x"));
        item.put("n", AttributeValue.fromN("12345678901234567890123456789012345678"));
        item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 7})));
        item.put("bool", AttributeValue.fromBool(false));
        item.put("null", AttributeValue.fromNul(true));
        item.put("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v"))));
        item.put("l", AttributeValue.fromL(List.of()));
        item.put("ss", AttributeValue.fromSs(List.of("a", "b")));
        item.put("ns", AttributeValue.fromNs(List.of("1", "-0.5")));
        item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}))));

        Map<String, DynamoValue> model = ItemConverter.toModel(item);

        assertThat(model.keySet()).containsExactlyElementsOf(item.keySet());
        model.forEach((name, value) -> assertThat(value.type().code()).isEqualTo(name.toUpperCase()));
        assertThat(((DynamoValue.B) model.get("b")).value().toArray()).containsExactly(0, -1, 7);
        assertThat(model.get("l")).isEqualTo(new DynamoValue.L(List.of()));
        assertThat(model.values()).extracting(DynamoValue::type).containsExactlyInAnyOrder(DynamoType.values());
    }

    @Provide
    Arbitrary<String> numbers() {
        Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(38)
                .map(d -> d.replaceFirst("^0+(?=.)", ""));
        return Arbitraries.oneOf(digits, digits.map(d -> "-" + d), digits.map(d -> "0." + d),
                digits.map(d -> d + "E-" + (d.length() % 100)));
    }

    @Provide
    Arbitrary<DynamoValue> values() {
        return nested(3);
    }

    /** Values nested at most {@code depth} containers deep. */
    private Arbitrary<DynamoValue> nested(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Arbitrary<DynamoValue> inner = nested(depth - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalar()),
                net.jqwik.api.Tuple.of(1, Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(8), inner)
                        .ofMaxSize(4).map(DynamoValue.M::new)),
                net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(4).map(DynamoValue.L::new)));
    }

    private Arbitrary<DynamoValue> scalar() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(20);
        Arbitrary<DynamoValue.Bytes> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(16)
                .map(DynamoValue.Bytes::of);
        return Arbitraries.oneOf(
                text.map(DynamoValue.S::new),
                numbers().map(DynamoValue.N::new),
                bytes.map(DynamoValue.B::new),
                Arbitraries.of(true, false).map(DynamoValue.Bool::new),
                Arbitraries.just(new DynamoValue.Null()),
                text.set().ofMinSize(1).ofMaxSize(4).map(s -> new DynamoValue.SS(List.copyOf(s))),
                numbers().set().ofMinSize(1).ofMaxSize(4).map(s -> new DynamoValue.NS(List.copyOf(s))),
                bytes.set().ofMinSize(1).ofMaxSize(3).map(s -> new DynamoValue.BS(List.copyOf(s))));
    }
}
