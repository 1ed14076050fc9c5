package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Every row of token-formats.tsv recognises values built from it, and rejects near misses. */
class TokenFormatsTest {

    private static final Pattern RUN = Pattern.compile("\\{([^{}]+):(\\d+)(?:-(\\d+))?}");

    /** A value of the row's shape, written independently of {@link TokenPattern}. */
    static String valueOf(TokenFormat f, Random random) {
        String pattern = f.pattern().toString();
        StringBuilder out = new StringBuilder();
        Matcher m = RUN.matcher(pattern);
        int last = 0;
        while (m.find()) {
            out.append(pattern, last, m.start());
            String alphabet = alphabet(m.group(1));
            int min = Integer.parseInt(m.group(2));
            int max = m.group(3) == null ? min : Integer.parseInt(m.group(3));
            // at least 6 characters where the row allows, so that a password is never a short placeholder
            int length = Math.max(Math.min(max, 6), min + random.nextInt(Math.min(max, min + 40) - min + 1));
            for (int i = 0; i < length; i++) {
                out.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            last = m.end();
        }
        out.append(pattern.substring(last));
        String v = out.toString();
        if (f.check() == TokenCheck.CRC32_BASE62) {
            int prefix = f.pattern().prefix().length();
            CRC32 crc = new CRC32();
            crc.update(v.substring(prefix, v.length() - 6).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            v = v.substring(0, v.length() - 6) + TokenCheck.base62(crc.getValue());
        }
        return v;
    }

    private static String alphabet(String spec) {
        StringBuilder sb = new StringBuilder();
        for (char c : spec.toCharArray()) {
            switch (c) {
                case 'A' -> sb.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
                case 'a' -> sb.append("abcdefghijklmnopqrstuvwxyz");
                case '9' -> sb.append("0123456789");
                case 'h' -> sb.append("0123456789abcdef");
                case 'H' -> sb.append("0123456789ABCDEF");
                case '*' -> sb.append("abcdefghijkmnopqrstuvwz0123456789");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    @Test
    void theTableHoldsSeveralHundredFormats() {
        assertThat(TokenFormats.all()).hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void everyFormatRecognisesValuesBuiltFromItsRow() {
        Random random = new Random(14);
        Map<String, TokenFamilyDetector> families = families();
        for (TokenFormat f : TokenFormats.all()) {
            for (int i = 0; i < 5; i++) {
                String v = valueOf(f, random);
                assertThat(f.matches(v)).as("%s: %s", f.id(), v).isTrue();
                assertThat(families.get(f.family()).matches(v)).as("family %s finds %s", f.family(), v).isTrue();
            }
        }
    }

    @Test
    void aValueCutShortIsNoLongerItsFormat() {
        Random random = new Random(7);
        for (TokenFormat f : TokenFormats.all()) {
            String v = valueOf(f, random);
            String cut = v.substring(0, f.pattern().prefix().length() + (v.length() - f.pattern().prefix().length()) / 2);
            if (f.pattern().minLength() > cut.length()) {
                assertThat(f.matches(cut)).as("%s: %s", f.id(), cut).isFalse();
            }
        }
    }

    @Test
    void aGitHubTokenWithAWrongChecksumIsNotAGitHubToken() {
        TokenFormat pat = TokenFormats.all().stream().filter(f -> f.id().equals("github-pat")).findFirst().orElseThrow();
        String good = valueOf(pat, new Random(1));
        char last = good.charAt(good.length() - 1);
        String bad = good.substring(0, good.length() - 1) + (last == 'a' ? 'b' : 'a');
        assertThat(pat.matches(good)).isTrue();
        assertThat(pat.matches(bad)).isFalse();
    }

    @Test
    void placeholdersInTheVariablePartAreNotCredentials() {
        TokenFamilyDetector ai = families().get("ai-api-key");
        assertThat(ai.matches("hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")).isFalse();
        assertThat(ai.matches("hf_EXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMP")).isFalse();
        assertThat(ai.matches("hf_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).isFalse();
    }

    @Test
    void aConnectionStringWithAPlaceholderPasswordIsNotACredential() {
        TokenFamilyDetector urls = families().get("url-credential");
        assertThat(urls.matches("postgres://app:Tq7-wLp2zR@db.internal:5432/orders")).isTrue();
        assertThat(urls.matches("postgres://app:password@db.internal:5432/orders")).isFalse();
        assertThat(urls.matches("postgres://app:${DB_PASSWORD}@db.internal:5432/orders")).isFalse();
        assertThat(urls.matches("postgres://db.internal:5432/orders")).isFalse();
        assertThat(urls.matches("https://docs.example.org:8443/path@section")).isFalse();
    }

    @Test
    void aBadRowIsRefusedWithItsLineNumber() {
        assertThatThrownBy(() -> TokenFormats.parse(List.of("id\tfamily\tprovider\tpattern\tcheck",
                "x\tf\tp\tabc{A:5}\tno-such-check")))
                .hasMessageContaining("token-formats.tsv:2").hasMessageContaining("no-such-check");
        assertThatThrownBy(() -> TokenFormats.parse(List.of("header", "x\tf\tp\tplain-literal\t")))
                .hasMessageContaining("no character run");
    }

    static Map<String, TokenFamilyDetector> families() {
        Map<String, TokenFamilyDetector> out = new HashMap<>();
        ValueDetectors.catalog().forEach(d -> {
            if (d instanceof TokenFamilyDetector t) {
                out.put(t.id(), t);
            }
        });
        return out;
    }
}
