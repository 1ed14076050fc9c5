package dev.veil.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributePath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLocatorTest {

    private static final String POLICY = """
            {
              "attributes": {
                "address": {
                  "class": "owner-only",
                  "fields": {
                    "city": { "class": "public" }
                  }
                },
                "orders": {
                  "class": "owner-only",
                  "items": {
                    "fields": { "total": { "class": "owner-only" } }
                  }
                }
              },
              "table": "users"
            }
            """;

    @TempDir
    Path dir;

    private SourceLocation locate(String path) throws Exception {
        Path file = Files.writeString(dir.resolve("v1.json"), POLICY);
        return PolicyLocator.read(file).orElseThrow()
                .locate(path == null ? Optional.empty() : Optional.of(AttributePath.parse(path)));
    }

    @Test
    void aNestedFieldPointsAtItsOwnKey() throws Exception {
        assertThat(locate("address.city")).extracting(SourceLocation::line, SourceLocation::column).containsExactly(6, 9);
    }

    @Test
    void aFieldOfListElementsIsFoundThroughItems() throws Exception {
        assertThat(locate("orders[].total")).extracting(SourceLocation::line, SourceLocation::column).containsExactly(12, 21);
    }

    @Test
    void anUnknownFieldPointsAtItsNearestNamedAncestor() throws Exception {
        assertThat(locate("address.zip").line()).isEqualTo(5);
        assertThat(locate("ssn").line()).isEqualTo(2);
    }

    @Test
    void aTableWideFindingPointsAtTheTableKey() throws Exception {
        assertThat(locate(null).line()).isEqualTo(16);
    }

    @Test
    void aFileThatIsNotJsonHasNoLocations() throws Exception {
        assertThat(PolicyLocator.read(Files.writeString(dir.resolve("bad.json"), "{ \"attributes\": "))).isEmpty();
        assertThat(PolicyLocator.read(dir.resolve("absent.json"))).isEmpty();
    }
}
