package dev.veil.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.app.PublishRequest;
import dev.veil.codegen.Language;
import dev.veil.demo.DemoData;
import dev.veil.model.Classification;
import dev.veil.ui.ConnectedSession;
import dev.veil.ui.DemoSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Export page's view model over the local DynamoDB, a real H2 workspace and a policy store
 * holding a published version of users: what it asks for, previewing and writing.
 */
@ExtendWith(DemoSessionExtension.class)
class ExportViewModelTest {
    private ConnectedSession console;
    private ExportViewModel vm;
    private Path repo;

    @BeforeEach
    void open(ConnectedSession session) throws Exception {
        console = session;
        vm = new ExportViewModel(console.session());
        console.connect();
        console.sample(DemoData.USERS, 200);
        console.tag(DemoData.USERS, "user_id", Classification.PUBLIC, "");
        console.tag(DemoData.USERS, "password_hash", Classification.SECRET, "");
        console.veil().publishing().publish(DemoData.USERS, PublishRequest.of(Optional.of("user_id")));
        repo = Files.createDirectories(console.dir().resolve("service-repo"));
    }

    private static long filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void withoutATableThePageAsksForOne() {
        assertThat(vm.problemProperty().get()).isEqualTo("Choose a table on the Tables page first.");
    }

    @Test
    void withATableThePageAsksForTheRepositoryFolder() {
        console.choose(DemoData.USERS);

        assertThat(vm.problemProperty().get()).isEqualTo("Choose the service repository folder to write into.");
    }

    @Test
    void withNoLanguageChosenThePageAsksForOne() {
        console.choose(DemoData.USERS);
        vm.folderProperty().set(repo.toString());
        Stream.of(Language.values()).forEach(l -> vm.languageProperty(l).set(false));

        assertThat(vm.problemProperty().get()).isEqualTo("Choose at least one language.");
    }

    @Test
    void theIamPoliciesRefuseATableArnThatIsNotDynamoDbs() {
        console.choose(DemoData.USERS);
        vm.folderProperty().set(repo.toString());
        vm.languageProperty(Language.IAM).set(true);
        vm.tableArnProperty().set("arn:aws:s3:::users");

        assertThat(vm.problemProperty().get()).contains("is not a DynamoDB table ARN");
    }

    @Test
    void thePreviewGeneratesEverySanitizerWithoutWritingAFile() throws Exception {
        console.choose(DemoData.USERS);
        vm.folderProperty().set(repo.toString());

        vm.preview();
        console.idle();

        assertThat(vm.files()).extracting(f -> Path.of(f.relativePath()).getFileName().toString())
                .contains("users_sanitizer.py", "UsersSanitizer.java", "usersSanitizer.ts");
        assertThat(vm.selectedProperty().get()).isEqualTo(vm.files().get(0));
        assertThat(filesIn(repo)).isZero();
    }

    @Test
    void writingPutsThePolicyAndTheSanitizersIntoTheRepository() {
        console.choose(DemoData.USERS);
        vm.folderProperty().set(repo.toString());

        vm.write();
        console.idle();

        assertThat(vm.written()).isNotEmpty().allSatisfy(f -> assertThat(f.path()).exists().startsWith(repo));
        assertThat(vm.written()).extracting(f -> f.path().getFileName().toString())
                .contains("users.policy.json", "users_sanitizer.py");
        assertThat(vm.folderMixedProperty().get()).isFalse();
    }

    @Test
    void choosingAnotherTableClearsWhatWasWritten() {
        console.choose(DemoData.USERS);
        vm.folderProperty().set(repo.toString());
        vm.write();
        console.idle();

        console.choose(DemoData.ORDERS);

        assertThat(vm.written()).isEmpty();
        assertThat(vm.files()).isEmpty();
    }
}
