package dev.veil.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * A real S3-compatible server for tests: s3rver (npm, pinned in {@code src/test/s3rver}) run by
 * Node.js on a free loopback port, with its own data folder, stopped by {@link #close}. It
 * accepts the placeholder credentials Veil uses for a loopback endpoint. Where Node.js is
 * missing the test is skipped with a notice, unless {@code VEIL_REQUIRE_ALL_TOOLS=1} (CI).
 */
public final class LocalS3 implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("\\{\"port\":(\\d+)}");

    private final Process process;
    private final Path data;
    private final URI endpoint;
    private final S3Client client;

    private LocalS3(Process process, Path data, int port) {
        this.process = process;
        this.data = data;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.client = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                // s3rver stores an aws-chunked body (signed chunks, flexible checksums) as it arrives.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("veil-local", "veil-local-secret")))
                .build();
    }

    /** Starts a server, installing s3rver with {@code npm ci} on first use. */
    public static LocalS3 start() {
        Path dir = projectDir().resolve("src/test/s3rver");
        boolean node = canRun("node", "--version");
        if ("1".equals(System.getenv("VEIL_REQUIRE_ALL_TOOLS"))) {
            assertThat(node).as("node is not on PATH (VEIL_REQUIRE_ALL_TOOLS=1 makes this a failure)").isTrue();
        }
        assumeTrue(node, "node is not on PATH: skipping the S3 tests (install Node.js 20+ to run them)");
        try {
            if (!Files.isDirectory(dir.resolve("node_modules/s3rver"))) {
                Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                assertThat(npm.waitFor(5, TimeUnit.MINUTES) && npm.exitValue() == 0).as("npm ci in " + dir).isTrue();
            }
            Path data = Files.createTempDirectory("veil-s3rver");
            Process p = new ProcessBuilder("node", dir.resolve("start.js").toString(), data.toString())
                    .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher m = line == null ? null : PORT.matcher(line);
            if (m == null || !m.find()) {
                p.destroyForcibly();
                throw new IllegalStateException("s3rver did not start (it printed " + line + ")");
            }
            return new LocalS3(p, data, Integer.parseInt(m.group(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server's address, for {@code AWS_ENDPOINT_URL_S3}. */
    public URI endpoint() {
        return endpoint;
    }

    /** A client of the server; closed with it. */
    public S3Client client() {
        return client;
    }

    /** Uploads every file below {@code folder} to {@code bucket} under {@code prefix}, creating the bucket. */
    public void upload(Path folder, String bucket, String prefix) {
        if (client.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
            client.createBucket(r -> r.bucket(bucket));
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(f -> client.putObject(
                    r -> r.bucket(bucket).key(prefix + folder.relativize(f).toString().replace('\\', '/')),
                    RequestBody.fromFile(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    private static boolean canRun(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path projectDir() {
        return Path.of(System.getProperty("veil.projectDir", ".")).toAbsolutePath();
    }
}
