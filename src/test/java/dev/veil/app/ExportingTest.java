package dev.veil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.codegen.GeneratedFile;
import dev.veil.codegen.Language;
import dev.veil.model.Classification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exporting a published policy of a sampled table into a service repository: the files of each
 * language beside the policy, an export that changes nothing touching nothing, older versions on
 * request, and the refusal of a table nobody published.
 */
@ExtendWith(LocalVeil.Resolver.class)
class ExportingTest {
    private LocalVeil local;
    private String table;
    private Path repo;

    @BeforeEach
    void published(LocalVeil fixture) {
        local = fixture;
        table = local.people();
        local.sample(table);
        local.decidePeople(table);
        local.veil().publishing().publish(table, PublishRequest.of(Optional.of("owner_id")));
        repo = local.dir().resolve("service-repo");
    }

    private static ExportOptions only(Language language) {
        return new ExportOptions(List.of(language), Optional.empty(), Optional.empty());
    }

    /** The names of the files a language generates. */
    private static String names(Language language) {
        return switch (language) {
            case JAVA -> ".+\\.java";
            case PYTHON -> ".+_sanitizer\\.py";
            case TYPESCRIPT -> ".+(Sanitizer|Reads)\\.ts";
            case IAM -> ".+_iam\\.(json|cfn\\.yaml)";
        };
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void eachLanguageWritesItsOwnFilesBesideThePolicy(Language language) throws Exception {
        List<ExportedFile> files = local.veil().exporting().export(table, repo, only(language));

        assertThat(files.get(0).path()).isEqualTo(repo.resolve(table + ".policy.json"));
        assertThat(files.subList(1, files.size())).isNotEmpty()
                .allSatisfy(f -> assertThat(f.path().getFileName().toString()).matches(names(language)));
        assertThat(files).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(ExportedFile.Status.CREATED);
            assertThat(f.path()).exists().startsWith(repo);
        });
        assertThat(Files.readString(files.get(0).path()))
                .isEqualTo(Files.readString(local.policies().resolve(table).resolve("v1.json")));
    }

    @Test
    void thePreviewListsWhatAnExportWritesAndWritesNothing() {
        List<GeneratedFile> preview = local.veil().exporting().preview(table, ExportOptions.all());

        assertThat(repo).doesNotExist();
        List<ExportedFile> written = local.veil().exporting().export(table, repo, ExportOptions.all());
        assertThat(written).extracting(ExportedFile::path)
                .containsExactlyElementsOf(preview.stream().map(f -> repo.resolve(f.relativePath())).toList());
    }

    @Test
    void exportingTheSameVersionAgainLeavesEveryFileUnchanged() {
        local.veil().exporting().export(table, repo, ExportOptions.all());

        assertThat(local.veil().exporting().export(table, repo, ExportOptions.all()))
                .extracting(ExportedFile::status).containsOnly(ExportedFile.Status.UNCHANGED);
        assertThat(local.veil().exporting().mixedSet(table, repo)).isEmpty();
    }

    @Test
    void aNewVersionUpdatesTheFilesItChanges() {
        local.veil().exporting().export(table, repo, ExportOptions.all());
        local.tag(table, Classification.OWNER_ONLY, "nickname");
        local.veil().publishing().publish(table, PublishRequest.of(Optional.empty()));

        List<ExportedFile> files = local.veil().exporting().export(table, repo, ExportOptions.all());

        assertThat(files.get(0).status()).as("the policy file").isEqualTo(ExportedFile.Status.UPDATED);
        assertThat(files).extracting(ExportedFile::status).doesNotContain(ExportedFile.Status.CREATED);
    }

    @Test
    void anOlderVersionIsExportedWhenAskedFor() throws Exception {
        local.tag(table, Classification.OWNER_ONLY, "nickname");
        local.veil().publishing().publish(table, PublishRequest.of(Optional.empty()));

        List<ExportedFile> files = local.veil().exporting().export(table, repo,
                new ExportOptions(List.of(Language.PYTHON), Optional.empty(), Optional.of(1)));

        assertThat(Files.readString(files.get(0).path()))
                .isEqualTo(Files.readString(local.policies().resolve(table).resolve("v1.json")));
    }

    @Test
    void aTableWithoutAPublishedPolicyIsRefusedAndNothingIsWritten() {
        String unpublished = local.people();
        local.sample(unpublished);

        assertThatThrownBy(() -> local.veil().exporting().export(unpublished, repo, ExportOptions.all()))
                .isInstanceOfSatisfying(VeilException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VeilException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).startsWith("no policy published for " + unpublished)
                            .contains("publish one");
                });
        assertThat(repo).doesNotExist();
    }
}
