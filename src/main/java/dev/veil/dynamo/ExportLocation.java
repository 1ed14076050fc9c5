package dev.veil.dynamo;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an Export-to-S3 export lives: a local folder (as downloaded) or an S3 prefix
 * ({@code s3://BUCKET/PREFIX}), read in place.
 */
public sealed interface ExportLocation {

    /** A local folder holding the export somewhere below it. */
    record Folder(Path path) implements ExportLocation {
        public Folder {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return path.toAbsolutePath().normalize().toString();
        }
    }

    /**
     * A bucket and a key prefix (possibly empty) holding the export somewhere below it, reached at
     * {@code endpoint} when that is given (an S3-compatible server), else at AWS S3.
     */
    record S3(String bucket, String prefix, Optional<URI> endpoint) implements ExportLocation {
        public S3 {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(endpoint, "endpoint");
        }

        @Override
        public String describe() {
            return "s3://" + bucket + "/" + prefix;
        }
    }

    /** The location as the user would write it again. */
    String describe();

    /** Environment variable naming an S3 endpoint other than AWS's. */
    String S3_ENDPOINT_ENV = "AWS_ENDPOINT_URL_S3";

    /**
     * Reads {@code s3://BUCKET/PREFIX} as an S3 location, reached at {@value #S3_ENDPOINT_ENV}
     * when {@code env} sets it, and anything else as a folder.
     *
     * @throws IllegalArgumentException for an {@code s3://} address without a bucket, or an
     *                                  endpoint that is not an http(s) URL
     */
    static ExportLocation parse(String text, Map<String, String> env) {
        Objects.requireNonNull(text, "text");
        if (!text.regionMatches(true, 0, "s3://", 0, 5)) {
            return new Folder(Path.of(text));
        }
        String rest = text.substring(5);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' names no bucket; write the export's address as "
                    + "s3://BUCKET/PREFIX, for example s3://my-exports/AWSDynamoDB/01700000000000-abcdef");
        }
        Optional<URI> endpoint = Optional.ofNullable(env.get(S3_ENDPOINT_ENV)).map(String::strip)
                .filter(e -> !e.isEmpty()).map(ExportLocation::endpoint);
        return new S3(bucket, prefix, endpoint);
    }

    private static URI endpoint(String text) {
        try {
            URI uri = URI.create(text);
            if (uri.getHost() != null && uri.getScheme() != null
                    && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(S3_ENDPOINT_ENV + " is '" + text + "', not an http(s) URL; set it like "
                + "http://localhost:4568, or unset it to read from AWS S3");
    }
}
