package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdDetectorTest {

    private final ValueDetector detector = new NationalIdDetector();

    @ParameterizedTest
    @ValueSource(strings = {"536-22-8741", "536 22 8741", "JG103759A", "AB 12 34 56 C", "130-692-544", "130 692 544",
            "12345678Z", "X1234567L", "529.982.247-25", "111.444.777-35"})
    void recognisesTheFormsItAlwaysKnew(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"44051401359", "131052-308T", "811218-9876", "19811218-9876", "RSSMRA85T10A562S",
            "1111.22.333", "37605030299", "S1234567D", "943 476 5919", "123 456 782", "2123 45670 1",
            "11.222.333/0001-81", "86 095 742 719", "1234567T", "ABCPE1234F", "185057800608491",
            "1 85 05 78 006 084 91", "1800101221144", "850615-1234562", "1234 5678 9018", "1237 010180",
            "85.07.30-033.28", "0101985500011", "120185-12345", "010185 12341", "1 850101 1231", "10259033P",
            "850101 1234", "855101/1007", "2345 6789 0124", "1985010112357", "010185-1234", "1234567M", "912-70-1234"})
    void recognisesTheIdentifiersOfEveryCoveredCountry(String value) {
        assertThat(detector.matches(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "912-34-5678", "536-00-8741", "536-22-0000", "536-22 8741",
            "536228741", "BG123456A", "DA123456A", "AB123456E", "130-692-545", "12345678A", "529.982.247-26",
            "111.111.111-11"})
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"44051401358", "131052-308U", "811218-9875", "RSSMRA85T10A562T", "37605030298",
            "S1234567E", "943 476 5918", "11.222.333/0001-82", "1800101221145", "850615-1234563",
            "2345 6789 0125", "8501011235", "855101/1008", "1985010112358"})
    void rejectsAWrongCheckDigit(String value) {
        assertThat(detector.matches(value)).as(value).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1733011200", "1733011200123", "20240115", "2024-01-15", "123456789", "4155552671",
            "1000000000", "99999999999", "3.14159", "12 345 678", "1 234 567", "2024-11-30T10:15:30Z"})
    void leavesOrdinaryNumbersAlone(String value) {
        assertThat(detector.matches(value)).as(value).isFalse();
    }
}
