package dev.veil.spark;

import dev.veil.app.ExportProfiling;
import dev.veil.dynamo.ConnectionSettings;
import dev.veil.dynamo.ExportLocation;
import dev.veil.dynamo.ExportSource;
import dev.veil.dynamo.S3Clients;
import dev.veil.inference.detect.ValueDetectors;
import dev.veil.inference.entity.EntityAccumulator;
import dev.veil.inference.entity.Markers;
import dev.veil.model.DynamoType;
import dev.veil.model.KeySchema;
import dev.veil.model.TableProfile;
import dev.veil.workspace.ProfileFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
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
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Profiles every item of a DynamoDB export on Spark:
 * {@code spark-submit --class dev.veil.spark.ProfileExport veil-spark.jar [--keys PK,SK] EXPORT OUT}.
 * EXPORT is a folder or {@code s3://BUCKET/PREFIX} export (DYNAMODB_JSON or ION, full or
 * incremental); OUT is a profile file that {@code veil sample TABLE --from-profile OUT} stores as a
 * sampling run.
 *
 * <p>One task per data file: each reads its file as Veil itself does
 * ({@link ExportProfiling#profileFile}, checked against the manifest) into an accumulator per kind
 * of item, and the tasks' accumulators travel as bytes (counts, sketches, masks and the labels that
 * tell kinds apart; never another value) to the driver, which merges them in file order as
 * {@code veil sample --from-export} does, so the profile and its entities equal what it reports.
 * Kinds told apart by their key prefixes need the table's key names, which an export lacks:
 * {@code --keys PK,SK}; without them, marker attributes alone tell kinds apart.
 */
public final class ProfileExport {

    /** Partitions fetched to the driver at a time for the merge. */
    private static final int MERGE_BATCH = 64;

    // One export per executor JVM: tasks of the same job share its listing and S3 client.
    private static final Map<String, ExportSource> SOURCES = new ConcurrentHashMap<>();

    private ProfileExport() {
    }

    /**
     * The job's entry point: {@code [--keys PK[,SK]] [--markers A[,B...]] EXPORT OUT}, or Glue's
     * {@code --EXPORT E --OUT O} pairs (with {@code --keys} and {@code --markers} among them).
     */
    public static void main(String[] args) {
        Optional<JobArguments> parsed;
        try {
            parsed = arguments(args);
        } catch (IllegalArgumentException e) {
            System.err.println("veil: " + e.getMessage());
            parsed = Optional.empty();
        }
        if (parsed.isEmpty()) {
            System.err.println("Usage: spark-submit --class dev.veil.spark.ProfileExport veil-spark.jar"
                    + " [--keys PK[,SK]] [--markers A[,B...]] EXPORT OUT");
            System.err.println("  EXPORT     a DynamoDB export: a folder or s3://BUCKET/PREFIX (DYNAMODB_JSON or ION)");
            System.err.println("  OUT        the profile file to write (a path or s3://BUCKET/KEY), for:");
            System.err.println("             veil sample TABLE --from-profile OUT");
            System.err.println("  --keys     the table's partition key and sort key names (an export's manifest has");
            System.err.println("             none), to tell kinds of item apart by the literal leading their key");
            System.err.println("             values (USER#42, ORDER#2024-001); without it, by marker attributes only");
            System.err.println("  --markers  marker attributes of your own, trusted before the standard ones");
            System.err.println("  On Glue, pass them as the job arguments --EXPORT, --OUT, --keys and --markers.");
            System.exit(2);
        }
        SparkConf conf = new SparkConf().setAppName("veil-profile-export");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            TableProfile profile = run(spark, parsed.get());
            report(System.err, profile, parsed.get());
        }
    }

    /**
     * What the job was asked to do.
     *
     * @param export  the export's address
     * @param out     where the profile file goes
     * @param keys    the table's key attribute names, partition key first (none: markers only)
     * @param markers the steward's own marker attributes, trusted before the standard ones
     */
    public record JobArguments(String export, String out, List<String> keys, List<String> markers)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        /** @throws IllegalArgumentException when {@code keys} names more than two attributes */
        public JobArguments {
            keys = List.copyOf(keys);
            markers = List.copyOf(markers);
            if (keys.size() > 2) {
                throw new IllegalArgumentException("--keys names a partition key and at most one sort key, not "
                        + keys.size() + " attributes (" + String.join(",", keys) + ")");
            }
        }

        /** The key schema entity detection reads: names only, since a key literal is a string's. */
        Optional<KeySchema> keySchema() {
            if (keys.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new KeySchema(new KeySchema.KeyAttribute(keys.get(0), DynamoType.S),
                    keys.stream().skip(1).findFirst().map(k -> new KeySchema.KeyAttribute(k, DynamoType.S))));
        }
    }

    /**
     * The job's arguments: EXPORT and OUT positional or as {@code --EXPORT}/{@code --OUT} pairs
     * among the others Glue passes ({@code --JOB_ID j}, ...), {@code --keys PK[,SK]} and
     * {@code --markers A[,B...]}; empty when EXPORT or OUT is missing.
     *
     * @throws IllegalArgumentException when {@code --keys} or {@code --markers} holds an empty name,
     *                                  or {@code --keys} more than two
     */
    static Optional<JobArguments> arguments(String[] args) {
        Map<String, String> named = new java.util.HashMap<>();
        List<String> positional = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                named.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        List<String> keys = names(named, "keys");
        List<String> markers = names(named, "markers");
        if (named.containsKey("EXPORT") && named.containsKey("OUT")) {
            return Optional.of(new JobArguments(named.get("EXPORT"), named.get("OUT"), keys, markers));
        }
        return positional.size() == 2
                ? Optional.of(new JobArguments(positional.get(0), positional.get(1), keys, markers))
                : Optional.empty();
    }

    private static List<String> names(Map<String, String> named, String option) {
        if (!named.containsKey(option)) {
            return List.of();
        }
        List<String> names = List.of(named.get(option).split(",", -1));
        if (names.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("--" + option + " '" + named.get(option)
                    + "' holds an empty name; give attribute names separated by commas, such as --" + option
                    + (option.equals("keys") ? " pk,sk" : " kind"));
        }
        return names;
    }

    /** {@link #run(JavaSparkContext, JobArguments)} without key names or markers of one's own. */
    public static TableProfile run(JavaSparkContext spark, String export, String out) {
        return run(spark, new JobArguments(export, out, List.of(), List.of()));
    }

    /**
     * Profiles the export and writes the profile file: a local path (written atomically, a
     * temporary file beside it, then a rename) or {@code s3://BUCKET/KEY}.
     *
     * @return the profile written
     */
    public static TableProfile run(JavaSparkContext spark, JobArguments job) {
        ExportLocation location = ExportLocation.parse(job.export(), System.getenv());
        int files;
        String table;
        try (ExportSource source = open(location)) {
            files = source.layout().dataFiles().size();
            table = source.layout().tableArn().map(a -> a.substring(a.lastIndexOf('/') + 1)).orElse("export");
        }
        List<Integer> indices = IntStream.range(0, files).boxed().toList();
        JavaRDD<Tuple2<Long, byte[]>> parts = spark.parallelize(indices, Math.max(1, files))
                .map(index -> {
                    ExportProfiling.FileProfile part = ExportProfiling.profileFile(shared(job.export()), index,
                            job.keySchema(), job.markers());
                    return new Tuple2<>(part.records(), part.kinds().toBytes());
                })
                .persist(StorageLevel.MEMORY_AND_DISK());
        EntityAccumulator total = ExportProfiling.newKinds(job.keySchema(), job.markers());
        long records = 0;
        try {
            parts.count(); // every file at once, one task each; the merge below reads the kept results
            // Merged in file order on the driver, as sample --from-export merges its files: past the
            // cap on kinds (EntityAccumulator.MAX_LABELS) a merge depends on its order, so a tree of
            // merges in the order tasks happen to finish could find other entities.
            for (int from = 0; from < files; from += MERGE_BATCH) {
                int[] batch = IntStream.range(from, Math.min(files, from + MERGE_BATCH)).toArray();
                for (List<Tuple2<Long, byte[]>> partition : parts.collectPartitions(batch)) {
                    for (Tuple2<Long, byte[]> part : partition) {
                        records += part._1();
                        total.merge(EntityAccumulator.fromBytes(part._2(), ValueDetectors.standard(),
                                job.keySchema(), Markers.with(job.markers())));
                    }
                }
            }
        } finally {
            parts.unpersist(false);
        }
        try (ExportSource source = open(location)) {
            source.checkTotal(records);
        }
        TableProfile profile = ExportProfiling.tableProfile(table, location, total.table(), false)
                .withEntities(total.entities());
        write(job.out(), ProfileFile.write(profile));
        return profile;
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

    private static void report(PrintStream err, TableProfile profile, JobArguments job) {
        err.printf("veil: profiled %,d items, %d attribute paths, %d kinds of item; wrote %s%n",
                profile.itemsSampled(), profile.attributes().size(), profile.entities().size(), job.out());
        if (job.keys().isEmpty()) {
            err.println("Note: kinds of item were told apart by marker attributes only; give the table's key names "
                    + "(--keys PK,SK) to tell them apart by the literal leading their key values too.");
        }
        err.printf("Next: veil sample %s --from-profile %s%n", profile.table(), job.out());
    }
}
