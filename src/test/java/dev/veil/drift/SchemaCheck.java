package dev.veil.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Validates documents against a JSON schema on the classpath, formats (uri, date-time) included. */
final class SchemaCheck {

    private final JsonSchema schema;

    private SchemaCheck(JsonSchema schema) {
        this.schema = schema;
    }

    static SchemaCheck load(String resource, SpecVersion.VersionFlag version) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " is not on the test classpath");
            }
            return new SchemaCheck(JsonSchemaFactory.getInstance(version).getSchema(in, config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The official SARIF 2.1.0 schema (draft-04), shipped as a test resource. */
    static SchemaCheck sarif() {
        return load("/dev/veil/drift/sarif-schema-2.1.0.json", SpecVersion.VersionFlag.V4);
    }

    /** Veil's own schema of the JSON report (draft-07), shipped with the application. */
    static SchemaCheck driftReport() {
        return load("/dev/veil/drift/drift-report.schema.json", SpecVersion.VersionFlag.V7);
    }

    Set<ValidationMessage> validate(JsonNode document) {
        return schema.validate(document);
    }
}
