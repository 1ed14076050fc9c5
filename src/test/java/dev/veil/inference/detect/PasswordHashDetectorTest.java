package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PasswordHashDetectorTest {

    private static final Pattern BCRYPT = Pattern.compile("\\$2[abxy]?\\$(?:0[4-9]|[12]\\d|3[01])\\$[./A-Za-z0-9]{53}");

    @Property(tries = 20_000)
    void bcryptIsReadAsItsPatternReadsIt(@ForAll("bcryptLike") String v) {
        boolean matches = BCRYPT.matcher(v).matches();
        Statistics.collect(matches);
        Statistics.coverage(c -> c.check(true).percentage(p -> p > 0.5));
        assertThat(PasswordHashDetector.bcryptShape(v)).as(v).isEqualTo(matches);
    }

    @Provide
    Arbitrary<String> bcryptLike() {
        Arbitrary<String> head = Arbitraries.of("$2$", "$2a$", "$2b$", "$2x$", "$2y$", "$2c$", "$2", "$3b$", "2b$$");
        Arbitrary<String> cost = Arbitraries.strings().withChars("0123459$").ofLength(2);
        Arbitrary<String> tail = Arbitraries.oneOf(Arbitraries.strings().withChars("./Aaz09").ofMinLength(52).ofMaxLength(54),
                Arbitraries.strings().withChars("./Aaz09$-+").ofLength(53));
        return head.flatMap(h -> cost.flatMap(c -> Arbitraries.of("$", "", "$$").flatMap(
                s -> tail.map(t -> h + c + s + t))));
    }

    static Stream<Arguments> hashes() {
        return Stream.of(
                Arguments.of(PasswordHashDetector.bcrypt(), "$2b$12$pgEn936Uyk8bV1.3GBlMbab/Uz0bA29BQBA4JaZkvJnO0wKI9Wc7D"),
                Arguments.of(PasswordHashDetector.bcrypt(), "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"),
                Arguments.of(PasswordHashDetector.argon2(), "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"),
                Arguments.of(PasswordHashDetector.argon2(), "$argon2i$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A"),
                Arguments.of(PasswordHashDetector.scrypt(), "$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E"),
                Arguments.of(PasswordHashDetector.scrypt(), "$7$C6..../....SodiumChloride$NdYhUqoPmUhAiGSJm4HldJ//jYmdwCZsm3tCsl1UJE7"),
                Arguments.of(PasswordHashDetector.pbkdf2(), "pbkdf2_sha256$600000$Gl1m8fF2bXgT$h1pAHsxkL5Bq1Vb2rK3uXq0Wm0GzC7nJ1Yx8nQy2Zo8="),
                Arguments.of(PasswordHashDetector.pbkdf2(), "$pbkdf2-sha256$29000$N2YuJ.QfQ4jvXS7kVNbsvQ$O1Nt3ps6GVyEKsj2MeE8V7gCEr0vDxLx8nT0nQ3UjqA"),
                Arguments.of(PasswordHashDetector.pbkdf2(), "pbkdf2:sha256:600000$aJd8xN2q$1f3b9c0e7d5a4b2c8e6f0a1b3c5d7e9f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d"),
                Arguments.of(PasswordHashDetector.crypt(), "$6$rounds=5000$saltsalt$XZuSTj2lsWT8b6dLWttB/xBXQR4G.Voy0f7SxY8RZQ.O4bBuvjEchia3/HDGmvQJgtsEtGJ4N96mbLVPZwFlEy"),
                Arguments.of(PasswordHashDetector.crypt(), "$5$saltsalt$1aAaWqcs30A3AbWN0fKozeLhhLKsZEo/cz4tcUxQky1"),
                Arguments.of(PasswordHashDetector.crypt(), "$1$saltsalt$qjXMvbEw8oaL.CzflDugX/"),
                Arguments.of(PasswordHashDetector.crypt(), "$apr1$71850310$gh9m4xcAn3MGxogwX/ztb."),
                Arguments.of(PasswordHashDetector.crypt(), "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$w9lVJ9aNXIasxNpP0zGkUQ8CgdipttzGOETPPmJC8pl"));
    }

    static Stream<Arguments> nearMisses() {
        List<PasswordHashDetector> all = List.of(PasswordHashDetector.bcrypt(), PasswordHashDetector.argon2(),
                PasswordHashDetector.scrypt(), PasswordHashDetector.pbkdf2(), PasswordHashDetector.crypt());
        return Stream.of(
                "$2b$12$tooShortForBcrypt",
                "$2b$99$pgEn936Uyk8bV1.3GBlMbab/Uz0bA29BQBA4JaZkvJnO0wKI9Wc7D",
                "$2b$12$pgEn936Uyk8bV1.3GBlMbab/Uz0bA29BQBA4JaZkvJnO0wKI9Wc7D!",
                "$argon2id$v=19$m=65536$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
                "$6$saltsalt$short",
                "$1$$",
                "pbkdf2_sha256 is what Django uses by default",
                "password123",
                "$100.00 per month, $5 off").flatMap(v -> all.stream().map(d -> Arguments.of(d, v)));
    }

    @ParameterizedTest(name = "{0} recognises {1}")
    @MethodSource("hashes")
    void recognisesItsScheme(PasswordHashDetector detector, String hash) {
        assertThat(detector.matches(hash)).isTrue();
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @MethodSource("nearMisses")
    void rejectsNearMisses(PasswordHashDetector detector, String value) {
        assertThat(detector.matches(value)).isFalse();
    }

    @ParameterizedTest(name = "{0} leans secret")
    @MethodSource("hashes")
    void leansSecret(PasswordHashDetector detector, String ignored) {
        assertThat(detector.leaning()).isEqualTo(Leaning.SECRET);
    }
}
