package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whole generated files compared with reviewed golden copies, so every change to the output is
 * seen in a diff. Regenerate with {@code -Dveil.updateGolden=true} and review the change.
 */
class GoldenFilesTest {

    private static final Path GOLDEN = Toolchains.projectDir().resolve("src/test/resources/dev/veil/codegen/golden");

    @ParameterizedTest
    @EnumSource(Language.class)
    void generatedFilesMatchTheGoldenCopies(Language language) throws IOException {
        List<GeneratedFile> files = GeneratedCode.generate(language, CodegenFixtures.users(), "com.example.users");
        for (GeneratedFile f : files) {
            Path golden = GOLDEN.resolve(Path.of(f.relativePath()).getFileName().toString());
            if (Boolean.getBoolean("veil.updateGolden")) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, f.content());
            }
            assertThat(f.content()).as(f.relativePath()).isEqualTo(Files.readString(golden));
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void entityPolicyFilesMatchTheGoldenCopies(Language language) throws IOException {
        List<GeneratedFile> files = GeneratedCode.generate(language, CodegenFixtures.appData(), "com.example.app");
        for (GeneratedFile f : files) {
            Path golden = GOLDEN.resolve(Path.of(f.relativePath()).getFileName().toString());
            if (Boolean.getBoolean("veil.updateGolden")) {
                Files.writeString(golden, f.content());
            }
            assertThat(f.content()).as(f.relativePath()).isEqualTo(Files.readString(golden));
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void generationIsStableByteForByte(Language language) {
        assertThat(GeneratedCode.generate(language, CodegenFixtures.users(), "a.b"))
                .isEqualTo(GeneratedCode.generate(language, CodegenFixtures.users(), "a.b"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyFileNamesThePolicyVersionAndDigestInItsHeader(Language language) {
        org.junit.jupiter.api.Assumptions.assumeTrue(language.isSanitizer(), "IAM documents have no comments");
        for (GeneratedFile f : GeneratedCode.generate(language, CodegenFixtures.users(), "a.b")) {
            // The header comment, which in Java follows the imports.
            int start = Math.max(0, f.content().indexOf("/**"));
            String head = f.content().substring(start, Math.min(start + 800, f.content().length()));
            assertThat(head).as(f.relativePath()).contains("'users'").contains("do not edit by hand");
            assertThat(f.content()).contains(CodegenFixtures.users().digest().orElseThrow());
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void fileNamesFollowTheTableName(Language language) {
        var policy = CodegenFixtures.digested(dev.veil.model.Policy.draft("User-Profiles.v2", 1,
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Map.of()));
        String first = GeneratedCode.generate(language, policy, "a.b").get(0).relativePath();
        assertThat(first).isEqualTo(switch (language) {
            case JAVA -> "a/b/UserProfilesV2Sanitizer.java";
            case PYTHON -> "user_profiles_v2_sanitizer.py";
            case TYPESCRIPT -> "userProfilesV2Sanitizer.ts";
            case IAM -> "user_profiles_v2_iam.json";
        });
    }
}
