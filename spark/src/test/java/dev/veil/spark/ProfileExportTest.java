package dev.veil.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.work.Cancellation;
import dev.veil.work.ProgressListener;
import dev.veil.app.SampleOptions;
import dev.veil.app.SampleOutcome;
import dev.veil.app.Veil;
import dev.veil.app.VeilSettings;
import dev.veil.dynamo.ExportLocation;
import dev.veil.model.DynamoType;
import dev.veil.model.DynamoValue;
import dev.veil.model.EntityMatch;
import dev.veil.model.EntityProfile;
import dev.veil.model.KeySchema;
import dev.veil.model.TableProfile;
import dev.veil.testing.ProfileBuilder;
import dev.veil.workspace.ProfileFile;
import dev.veil.testing.ExportFixtures;
import dev.veil.testing.ExportFixtures.Form;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The Spark job in local mode against {@code veil sample --from-export} on the same export: the same
 * profile, and for a single-table design the same entities.
 */
class ProfileExportTest {

    private static final List<Map<String, DynamoValue>> ITEMS = ExportFixtures.users(500, 11);
    private static JavaSparkContext spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("veil-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Form.class, names = {"ION_FULL", "JSON_INCREMENTAL"})
    void theJobsProfileStoredWithFromProfileEqualsSamplingTheExportInProcess(Form form) {
        ExportFixtures.write(dir.resolve("export"), form, ITEMS, 5, 9);
        Path out = dir.resolve("out/users.profile.json");

        ProfileExport.run(spark, dir.resolve("export").toString(), out.toString());

        try (Veil veil = Veil.open(settings())) {
            SampleOutcome fromJob = veil.sampling().importProfile("users", out);
            SampleOutcome inProcess = veil.sampling().sample(new SampleOptions("users", SampleOptions.ALL, false,
                            OptionalDouble.empty(), Optional.of(ExportLocation.parse(dir.resolve("export").toString(),
                            Map.of()))), ProgressListener.NONE, Cancellation.none());
            assertThat(fromJob.profile().itemsSampled()).isEqualTo(ITEMS.size());
            assertThat(fromJob.profile().attributes()).isEqualTo(inProcess.profile().attributes());
            assertThat(fromJob.profile().coverage()).isEqualTo(inProcess.profile().coverage());
            assertThat(fromJob.suggestions()).isEqualTo(inProcess.suggestions());
            assertThat(veil.sampling().importProfile("users", out).runId()).isGreaterThan(fromJob.runId());
        }
    }

    /**
     * Profiles and orders told apart by their sort keys' prefixes, invites by an ElectroDB marker;
     * each item repeats its partition key as {@code user_id}, the key the fixtures' incremental
     * records name.
     */
    private static List<Map<String, DynamoValue>> singleTableItems() {
        List<Map<String, DynamoValue>> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            items.add(item("user_id", "USER#" + i, "pk", "USER#" + i, "sk", "PROFILE", "email", "u" + i + "@example.com",
                    "name", "N" + i));
            items.add(item("user_id", "USER#" + i, "pk", "USER#" + i, "sk", "ORDER#2024-" + i, "total", String.valueOf(i),
                    "status", i % 3 == 0 ? "paid" : "open"));
            if (i % 2 == 0) {
                items.add(item("user_id", "INV#" + i, "pk", "INV#" + i, "sk", "INV#" + i, "__edb_e__", "invite",
                        "email", "i" + i + "@example.com", "invited_by", "USER#" + (i + 1)));
            }
        }
        return items;
    }

    private static Map<String, DynamoValue> item(String... namesAndValues) {
        Map<String, DynamoValue> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], new DynamoValue.S(namesAndValues[i + 1]));
        }
        return m;
    }

    @ParameterizedTest
    @EnumSource(value = Form.class, names = {"JSON_FULL", "ION_INCREMENTAL"})
    void theJobsEntitiesOfASingleTableExportEqualThoseSamplingTheExportInProcessFinds(Form form) {
        List<Map<String, DynamoValue>> items = singleTableItems();
        ExportFixtures.write(dir.resolve("export"), form, items, 4, 3);
        Path out = dir.resolve("out/app.profile.json");
        KeySchema keys = new KeySchema(new KeySchema.KeyAttribute("pk", DynamoType.S),
                Optional.of(new KeySchema.KeyAttribute("sk", DynamoType.S)));

        ProfileExport.run(spark, new ProfileExport.JobArguments(dir.resolve("export").toString(), out.toString(),
                List.of("pk", "sk"), List.of()));

        try (Veil veil = Veil.open(settings())) {
            // The live table is unreachable: the in-process sample takes the key names from a stored run.
            veil.sampling().importProfile("app", keyedProfile(keys));
            SampleOutcome fromJob = veil.sampling().importProfile("app", out);
            SampleOutcome inProcess = veil.sampling().sample(new SampleOptions("app", SampleOptions.ALL, false,
                            OptionalDouble.empty(), Optional.of(ExportLocation.parse(dir.resolve("export").toString(),
                            Map.of()))), ProgressListener.NONE, Cancellation.none());
            assertThat(inProcess.notes()).anyMatch(n -> n.contains("newest stored sampling run"));
            assertThat(fromJob.profile().entities()).extracting(EntityProfile::name)
                    .containsExactlyInAnyOrder("ORDER", "PROFILE", "invite");
            assertThat(fromJob.profile().entities()).isEqualTo(inProcess.profile().entities());
            assertThat(fromJob.profile().attributes()).isEqualTo(inProcess.profile().attributes());
            assertThat(fromJob.entitySuggestions()).isEqualTo(inProcess.entitySuggestions());
            assertThat(fromJob.suggestions()).isEqualTo(inProcess.suggestions());
        }
    }

    @Test
    void withoutKeyNamesTheJobTellsKindsApartByMarkersOnly() {
        List<Map<String, DynamoValue>> items = new ArrayList<>(singleTableItems());
        for (int i = 0; i < 20; i++) {
            items.add(item("user_id", "USER#" + i, "pk", "USER#" + i, "sk", "SESSION#" + i, "__edb_e__", "session",
                    "token_hash", "h" + i));
        }
        ExportFixtures.write(dir.resolve("export"), Form.JSON_FULL, items, 3, 0);
        Path out = dir.resolve("app.profile.json");

        TableProfile profile = ProfileExport.run(spark, dir.resolve("export").toString(), out.toString());

        assertThat(profile.entities()).extracting(EntityProfile::name).containsExactly("invite", "session");
        assertThat(profile.entities()).extracting(EntityProfile::match).containsExactly(
                EntityMatch.equalTo("__edb_e__", "invite"), EntityMatch.equalTo("__edb_e__", "session"));
    }

    private Path keyedProfile(KeySchema keys) {
        Path file = dir.resolve("keyed.profile.json");
        try {
            Files.writeString(file, ProfileFile.write(ProfileBuilder.table("app").key(keys).build()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Test
    void aBrokenDataFileFailsTheJobNamingTheFileAndWritesNoProfile() throws IOException {
        Path export = ExportFixtures.write(dir.resolve("export"), Form.JSON_FULL, ITEMS, 3, 0);
        Path summary = export.resolve("manifest-summary.json");
        Files.writeString(summary, Files.readString(summary).replace("\"itemCount\":500", "\"itemCount\":499"));
        Path out = dir.resolve("users.profile.json");

        assertThatThrownBy(() -> ProfileExport.run(spark, dir.resolve("export").toString(), out.toString()))
                .hasMessageContaining("manifest-summary.json").hasMessageContaining("499");
        assertThat(out).doesNotExist();
    }

    @Test
    void takesExportAndOutAsTwoArgumentsOrAsGluesNamedPairs() {
        assertThat(ProfileExport.arguments(new String[] {"s3://b/e", "out.json"})).contains(
                new ProfileExport.JobArguments("s3://b/e", "out.json", List.of(), List.of()));
        assertThat(ProfileExport.arguments(new String[] {"--JOB_ID", "j_1", "--EXPORT", "s3://b/e", "--OUT",
            "s3://b/o.json", "--job-bookmark-option", "job-bookmark-disable"})).contains(
                new ProfileExport.JobArguments("s3://b/e", "s3://b/o.json", List.of(), List.of()));
        assertThat(ProfileExport.arguments(new String[] {"only-one"})).isEmpty();
    }

    @Test
    void takesTheKeyNamesAndMarkersAsCommaSeparatedOptions() {
        assertThat(ProfileExport.arguments(new String[] {"--keys", "pk,sk", "--markers", "kind", "s3://b/e", "o.json"}))
                .contains(new ProfileExport.JobArguments("s3://b/e", "o.json", List.of("pk", "sk"), List.of("kind")));
        assertThat(ProfileExport.arguments(new String[] {"--EXPORT", "e", "--OUT", "o", "--keys", "id"}))
                .contains(new ProfileExport.JobArguments("e", "o", List.of("id"), List.of()));
    }

    @Test
    void refusesKeyNamesThatAreEmptyOrMoreThanTwo() {
        assertThatThrownBy(() -> ProfileExport.arguments(new String[] {"--keys", "pk,", "e", "o"}))
                .hasMessageContaining("--keys 'pk,' holds an empty name");
        assertThatThrownBy(() -> ProfileExport.arguments(new String[] {"--keys", "a,b,c", "e", "o"}))
                .hasMessageContaining("at most one sort key");
    }

    private VeilSettings settings() {
        return VeilSettings.resolve(new VeilSettings.Options(Optional.of("http://127.0.0.1:1"), Optional.empty(),
                Optional.empty(), Optional.of(dir.resolve("ws").toString()), Optional.of(dir.resolve("policies"))), Map.of());
    }
}
