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
import dev.veil.model.DynamoValue;
import dev.veil.testing.ExportFixtures;
import dev.veil.testing.ExportFixtures.Form;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** The Spark job in local mode against {@code veil sample --from-export} on the same export. */
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
        assertThat(ProfileExport.arguments(new String[] {"s3://b/e", "out.json"})).hasValueSatisfying(
                a -> assertThat(a).containsExactly("s3://b/e", "out.json"));
        assertThat(ProfileExport.arguments(new String[] {"--JOB_ID", "j_1", "--EXPORT", "s3://b/e", "--OUT",
            "s3://b/o.json", "--job-bookmark-option", "job-bookmark-disable"})).hasValueSatisfying(
                a -> assertThat(a).containsExactly("s3://b/e", "s3://b/o.json"));
        assertThat(ProfileExport.arguments(new String[] {"only-one"})).isEmpty();
    }

    private VeilSettings settings() {
        return VeilSettings.resolve(new VeilSettings.Options(Optional.of("http://127.0.0.1:1"), Optional.empty(),
                Optional.empty(), Optional.of(dir.resolve("ws").toString()), Optional.of(dir.resolve("policies"))), Map.of());
    }
}
