package dev.veil.spark;

import dev.veil.app.ExportProfiling;
import dev.veil.dynamo.ConnectionSettings;
import dev.veil.dynamo.ExportLocation;
import dev.veil.dynamo.ExportSource;
import dev.veil.dynamo.S3Clients;
import dev.veil.inference.ProfileAccumulator;
import dev.veil.inference.detect.ValueDetectors;
import dev.veil.model.TableProfile;
import dev.veil.workspace.ProfileFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Profiles every item of a DynamoDB export on Spark:
 * {@code spark-submit --class dev.veil.spark.ProfileExport veil-spark.jar EXPORT OUT}. EXPORT is a
 * folder or {@code s3://BUCKET/PREFIX} export (DYNAMODB_JSON or ION, full or incremental); OUT is
 * a profile file that {@code veil sample TABLE --from-profile OUT} stores as a sampling run.
 *
 * <p>One task per data file: each reads its file as Veil itself does
 * ({@link ExportProfiling#profileFile}, checked against the manifest), and the tasks' accumulators
 * travel as bytes (counts, sketches and masks; never a raw value) and merge in a tree. The merge
 * is exact and order-free, so the profile equals what {@code veil sample --from-export} reports.
 */
public final class ProfileExport {

    // One export per executor JVM: tasks of the same job share its listing and S3 client.
    private static final Map<String, ExportSource> SOURCES = new ConcurrentHashMap<>();

    private ProfileExport() {
    }

    /** The job's entry point: {@code EXPORT OUT}, or Glue's {@code --EXPORT E --OUT O} pairs. */
    public static void main(String[] args) {
        Optional<String[]> exportAndOut = arguments(args);
        if (exportAndOut.isEmpty()) {
            System.err.println("Usage: spark-submit --class dev.veil.spark.ProfileExport veil-spark.jar EXPORT OUT");
            System.err.println("  EXPORT  a DynamoDB export: a folder or s3://BUCKET/PREFIX (DYNAMODB_JSON or ION)");
            System.err.println("  OUT     the profile file to write (a path or s3://BUCKET/KEY), for:");
            System.err.println("          veil sample TABLE --from-profile OUT");
            System.err.println("  On Glue, pass them as the job arguments --EXPORT and --OUT.");
            System.exit(2);
        }
        SparkConf conf = new SparkConf().setAppName("veil-profile-export");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            TableProfile profile = run(spark, exportAndOut.get()[0], exportAndOut.get()[1]);
            report(System.err, profile, exportAndOut.get()[1]);
        }
    }

    /**
     * EXPORT and OUT from the two positional arguments, or from {@code --EXPORT}/{@code --OUT}
     * pairs among the others Glue passes ({@code --JOB_ID j}, ...).
     */
    static Optional<String[]> arguments(String[] args) {
        Map<String, String> named = new java.util.HashMap<>();
        List<String> positional = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                named.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (named.containsKey("EXPORT") && named.containsKey("OUT")) {
            return Optional.of(new String[] {named.get("EXPORT"), named.get("OUT")});
        }
        return positional.size() == 2 ? Optional.of(positional.toArray(String[]::new)) : Optional.empty();
    }

    /**
     * Profiles the export at {@code export} and writes the profile file {@code out}: a local path
     * (written atomically, a temporary file beside it, then a rename) or {@code s3://BUCKET/KEY}.
     *
     * @return the profile written
     */
    public static TableProfile run(JavaSparkContext spark, String export, String out) {
        ExportLocation location = ExportLocation.parse(export, System.getenv());
        int files;
        String table;
        try (ExportSource source = open(location)) {
            files = source.layout().dataFiles().size();
            table = source.layout().tableArn().map(a -> a.substring(a.lastIndexOf('/') + 1)).orElse("export");
        }
        List<Integer> indices = IntStream.range(0, files).boxed().toList();
        Tuple2<Long, byte[]> merged = spark.parallelize(indices, files)
                .map(index -> {
                    ExportProfiling.FileProfile part = ExportProfiling.profileFile(shared(export), index);
                    return new Tuple2<>(part.records(), part.accumulator().toBytes());
                })
                .treeReduce(ProfileExport::merge);
        ProfileAccumulator total = ProfileAccumulator.fromBytes(merged._2(), ValueDetectors.standard());
        try (ExportSource source = open(location)) {
            source.checkTotal(merged._1());
        }
        TableProfile profile = ExportProfiling.tableProfile(table, location, total, false);
        write(out, ProfileFile.write(profile));
        return profile;
    }

    private static Tuple2<Long, byte[]> merge(Tuple2<Long, byte[]> a, Tuple2<Long, byte[]> b) {
        ProfileAccumulator left = ProfileAccumulator.fromBytes(a._2(), ValueDetectors.standard());
        left.merge(ProfileAccumulator.fromBytes(b._2(), ValueDetectors.standard()));
        return new Tuple2<>(a._1() + b._1(), left.toBytes());
    }

    private static ExportSource open(ExportLocation location) {
        return ExportSource.open(location, ConnectionSettings.defaults());
    }

    private static ExportSource shared(String export) {
        return SOURCES.computeIfAbsent(export, e -> open(ExportLocation.parse(e, System.getenv())));
    }

    private static void write(String out, String text) {
        if (ExportLocation.parse(out, System.getenv()) instanceof ExportLocation.S3 s3) {
            try (S3Client client = S3Clients.create(ConnectionSettings.defaults(), s3)) {
                client.putObject(r -> r.bucket(s3.bucket()).key(s3.prefix()), RequestBody.fromString(text));
            }
            return;
        }
        Path absolute = Path.of(out).toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the profile file " + absolute + " (" + e.getMessage()
                    + "). Check that its folder exists and is writable.", e);
        }
    }

    private static void report(PrintStream err, TableProfile profile, String out) {
        err.printf("veil: profiled %,d items, %d attribute paths; wrote %s%n", profile.itemsSampled(),
                profile.attributes().size(), out);
        err.printf("Next: veil sample %s --from-profile %s%n", profile.table(), out);
    }
}
