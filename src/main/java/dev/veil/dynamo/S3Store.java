package dev.veil.dynamo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An export read in place from S3: one ListObjectsV2 walk under the prefix, then each data
 * file streamed by GetObject (the response body is read as it arrives, never buffered whole).
 */
final class S3Store implements ExportStore {

    private final S3Client s3;
    private final ExportLocation.S3 location;
    private final String prefix;

    S3Store(S3Client s3, ExportLocation.S3 location) {
        this.s3 = s3;
        this.location = location;
        String p = location.prefix();
        // "exports/0170-abc" must not also match "exports/0170-abcd/…".
        this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    @Override
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(location.bucket()).prefix(prefix)).contents()) {
                keys.add(o.key().substring(prefix.length()));
            }
        } catch (NoSuchBucketException e) {
            throw new ExportReadException(ExportReadException.Kind.NOT_AN_EXPORT,
                    "There is no S3 bucket " + location.bucket() + " (" + describeEndpoint() + "). Check the "
                            + "bucket name in " + location.describe() + ".",
                    Optional.empty(), OptionalLong.empty(), e);
        } catch (SdkException e) {
            throw unreadable(describe(), e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(r -> r.bucket(location.bucket()).key(prefix + key));
        } catch (SdkException e) {
            throw unreadable(describe(key), e);
        }
    }

    @Override
    public String describe(String key) {
        return "s3://" + location.bucket() + "/" + prefix + key;
    }

    @Override
    public String describe() {
        return location.describe();
    }

    private String describeEndpoint() {
        return s3.serviceClientConfiguration().endpointOverride().map(Object::toString)
                .orElseGet(() -> "AWS S3, " + s3.serviceClientConfiguration().region());
    }

    private ExportReadException unreadable(String what, SdkException e) {
        String why = e instanceof S3Exception s && s.statusCode() == 403
                ? "access denied: the credentials need s3:ListBucket and s3:GetObject on it"
                : e instanceof SdkClientException ? "cannot reach " + describeEndpoint() + ": " + e.getMessage()
                : e.getMessage();
        return new ExportReadException(ExportReadException.Kind.UNREADABLE,
                "Cannot read " + what + " (" + why + "). Check the address, the credentials and the network.",
                Optional.empty(), OptionalLong.empty(), e);
    }

    @Override
    public void close() {
        s3.close();
    }
}
