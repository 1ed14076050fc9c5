package dev.veil.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every migration is found by both databases: a dialect's own in its folder with a twin in the
 * other's, a portable one in {@code common}. A migration anywhere else would be applied by neither.
 */
class MigrationsLayoutTest {
    private static final Path ROOT = Path.of("src/main/resources").resolve(Migrations.ROOT);

    @Test
    void everyMigrationLivesInADialectFolderOrInCommon() throws IOException {
        try (Stream<Path> all = Files.walk(ROOT)) {
            assertThat(all.filter(p -> p.toString().endsWith(".sql")).map(p -> ROOT.relativize(p).getName(0).toString()))
                    .as("folders under %s holding migrations", ROOT)
                    .isNotEmpty()
                    .allMatch(folder -> List.of("h2", "postgresql", Migrations.COMMON).contains(folder));
        }
    }

    @Test
    void eachDialectHasTheSameVersions() throws IOException {
        assertThat(names("postgresql")).isEqualTo(names("h2")).isNotEmpty();
    }

    @Test
    void theShippedVersionsAreTheFilesOfBothFolders() throws IOException {
        List<String> versions = new ArrayList<>();
        for (String folder : List.of("h2", Migrations.COMMON)) {
            names(folder).forEach(n -> versions.add(n.substring(1, n.indexOf("__"))));
        }
        versions.sort(Comparator.comparing(BigDecimal::new));
        assertThat(Migrations.SHIPPED_VERSIONS).as("Migrations.SHIPPED_VERSIONS against the migration files")
                .isEqualTo(versions);
    }

    @Test
    void theShippedScriptsAreTheFilesAFreshWorkspaceApplies() throws IOException {
        List<String> files = new ArrayList<>();
        for (String folder : List.of("h2", Migrations.COMMON)) {
            files.addAll(names(folder));
        }
        files.sort(Comparator.comparing(n -> new BigDecimal(FreshSchema.version(n))));
        assertThat(Migrations.SHIPPED_SCRIPTS).as("Migrations.SHIPPED_SCRIPTS against the migration files")
                .isEqualTo(files);
        assertThat(Migrations.scripts("h2")).allMatch(r -> getClass().getClassLoader().getResource(r) != null);
    }

    private static List<String> names(String dialect) throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve(dialect))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }
}
