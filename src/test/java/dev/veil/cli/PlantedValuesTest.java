package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.app.ReviewRow;
import dev.veil.app.Veil;
import dev.veil.app.VeilSettings;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import dev.veil.ui.Session;
import dev.veil.ui.review.ReviewViewModel;
import dev.veil.ui.task.BackgroundTasks;
import dev.veil.ui.task.UiQueue;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Plants raw values of every detector class in a real table (credentials, private keys, hashes,
 * personal data, a PIN and card numbers stored as numbers) and looks for each of them in
 * everything Veil writes or shows afterwards: the workspace files, both outputs of sample and
 * review, the published policy, the exported code, every drift report format and the console's
 * detail pane. A public counter's range is planted too and must appear, so the search can fail.
 */
@ExtendWith(LocalDynamoExtension.class)
class PlantedValuesTest {

    private static final int ITEMS = 30;

    @TempDir
    Path dir;

    private CliRun cli;
    private LocalDynamo local;
    private String table;
    private final List<String> planted = new ArrayList<>();
    private final Random random = new Random(14);

    @BeforeEach
    void plant(DynamoDbClient dynamo, LocalDynamo local) {
        this.local = local;
        table = TestTables.createTable(dynamo, "planted", "id");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        String settings = githubToken();
        for (int i = 0; i < ITEMS; i++) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("id", s("item-" + i));
            item.put("pin", n(plant(String.valueOf(48_151_623 + i * 1_578_131))));
            item.put("card_number", n(plant(card(i))));
            item.put("score", n(String.valueOf(1_000 + i)));
            item.put("settings", s(plant(settings)));
            item.put("notes", s(i == 7 ? plant("AKIA" + upper(16)) : "ordinary note number " + i));
            item.put("pw", s(plant("$2b$12$" + alnum(53))));
            item.put("private_key", s(plant("-----BEGIN RSA PRIVATE KEY-----\n" + alnum(64) + "\n-----END RSA PRIVATE KEY-----")));
            item.put("hook", s(plant("https://hooks.slack.com/services/T" + upper(9) + "/B" + upper(10) + "/" + alnum(24))));
            item.put("db", s(plant("postgres://app:" + alnum(18) + "@db.internal:5432/orders")));
            item.put("contact", s(plant("planted." + alnum(8).toLowerCase() + "@mail.test.org")));
            item.put("mobile", s(plant("+44 7700 900" + String.format("%03d", 100 + i))));
            item.put("tax_ref", s(plant(pesel(i))));
            item.put("ip", s(plant("81.2." + (10 + i) + "." + (100 + i))));
            item.put("mac", s(plant(String.format("3C:22:FB:7A:%02X:%02X", i + 16, 200 - i))));
            item.put("geo", s(plant(String.format(java.util.Locale.ROOT, "52.%05d, 13.%05d", 10_000 + i * 37, 20_000 + i * 41))));
            item.put("dob", s(plant(String.format("19%02d-%02d-%02d", 50 + i, 1 + i % 12, 1 + i % 28))));
            items.add(item);
        }
        TestTables.putItems(dynamo, table, items);
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
    }

    @Test
    void noPlantedValueIsStoredWrittenOrShownAnywhere() throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("sample --json", ok(cli.veil("sample", table, "--json")));
        outputs.put("sample", ok(cli.veil("sample", table)));
        outputs.put("review --json", ok(cli.veil("review", table, "--json")));
        outputs.put("review", ok(cli.veil("review", table)));
        ok(cli.veil("tag", table, "--accept-suggestions", "--min-confidence", "0"));
        outputs.put("publish", ok(cli.veil("publish", table)));
        outputs.put("export", ok(cli.veil("export", table, "--out", dir.resolve("export").toString())));
        for (String format : List.of("json", "markdown", "html", "sarif")) {
            CliRun.Result r = cli.veil("drift", table, "--format", format, "--out",
                    dir.resolve("drift." + format).toString(), "--fail-on", "never");
            outputs.put("drift " + format, ok(r));
        }
        outputs.put("console details", console());

        JsonNode sample = new com.fasterxml.jackson.databind.ObjectMapper().readTree(outputs.get("sample --json"));
        assertThat(sample.toString()).as("a public counter's range is shown, so the search below can fail")
                .contains("\"max\":1029");

        for (Map.Entry<String, String> o : outputs.entrySet()) {
            for (String raw : planted) {
                assertThat(o.getValue()).as("%s shows a planted value", o.getKey()).doesNotContain(raw);
            }
        }
        for (Path file : files(dir)) {
            byte[] bytes = Files.readAllBytes(file);
            for (String raw : planted) {
                for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                    assertThat(contains(bytes, raw.getBytes(cs))).as("%s holds a planted value in %s", dir.relativize(file), cs)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void aSuggestedSecretNumberHasNoRangeInTheSampleJson() {
        JsonNode json = cli.veil("sample", table, "--json").json();
        for (JsonNode a : json.get("attributes")) {
            String path = a.get("path").asText();
            if (path.equals("pin") || path.equals("card_number")) {
                assertThat(a.has("numberRange")).as(path).isFalse();
            }
            if (path.equals("settings") || path.equals("notes")) {
                assertThat(a.get("suggestion").get("class").asText()).as(path).isEqualTo("secret");
                assertThat(a.get("maskedExamples")).as(path).isEmpty();
            }
        }
    }

    private String console() {
        VeilSettings settings = new VeilSettings(Optional.of(local.endpoint()), Optional.empty(), Optional.empty(),
                dir.resolve("ws"), dir.resolve("policies"));
        StringBuilder shown = new StringBuilder();
        try (BackgroundTasks tasks = new BackgroundTasks(new UiQueue()); Veil veil = Veil.open(settings)) {
            ReviewViewModel vm = new ReviewViewModel(new Session(tasks));
            for (ReviewRow row : veil.reviewing().rows(table)) {
                vm.details(row).forEach(line -> shown.append(line).append('\n'));
                vm.examples(row).forEach(line -> shown.append(line).append('\n'));
            }
        }
        return shown.toString();
    }

    private static String ok(CliRun.Result r) {
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        return r.out() + r.err();
    }

    private String plant(String raw) {
        planted.add(raw);
        return raw;
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    private String alnum(int n) {
        String al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(al.charAt(random.nextInt(al.length())));
        }
        return sb.toString();
    }

    private String upper(int n) {
        return alnum(n * 3).replaceAll("[^A-Z2-7]", "").concat("QWERTYUPASDFGHJKZXCVBNM").substring(0, n);
    }

    private String githubToken() {
        String body = alnum(30);
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        String b62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        long v = crc.getValue();
        char[] tail = new char[6];
        for (int i = 5; i >= 0; i--) {
            tail[i] = b62.charAt((int) (v % 62));
            v /= 62;
        }
        return "gh" + "p_" + body + new String(tail);
    }

    /** A Luhn-valid 16-digit card number. */
    private static String card(int i) {
        String body = "453201" + String.format("%09d", 120_000_000L + i * 7_919L);
        int sum = 0;
        for (int k = 0; k < body.length(); k++) {
            int d = body.charAt(body.length() - 1 - k) - '0';
            if (k % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    /** A PESEL with a valid date and check digit. */
    private static String pesel(int i) {
        String body = String.format("%02d%02d%02d%04d", 60 + i, 1 + i % 12, 1 + i % 28, 1_000 + i * 13);
        int[] w = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
        int sum = 0;
        for (int k = 0; k < 10; k++) {
            sum += (body.charAt(k) - '0') * w[k];
        }
        return body + (10 - sum % 10) % 10;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

}
