package dev.veil.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsConfigFilesTest {
    @TempDir
    Path home;

    private void write(String name, String text) throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws").resolve(name), text);
    }

    private AwsConfigFiles files() {
        return AwsConfigFiles.fromEnvironment(Map.of(), home);
    }

    @Test
    void profilesComeFromBothFilesWithTheirRegionsAndDefaultFirst() throws IOException {
        write("config", """
                [profile prod]
                region = eu-west-1
                output = json
                [default]
                region=us-east-2
                """);
        write("credentials", """
                [ci]
                aws_access_key_id = AKIAEXAMPLE
                aws_secret_access_key = wJalrXUtnFEMI/K7MDENG
                """);
        assertThat(files().profiles()).containsExactly(
                new AwsProfile("default", Optional.of("us-east-2")),
                new AwsProfile("ci", Optional.empty()),
                new AwsProfile("prod", Optional.of("eu-west-1")));
    }

    @Test
    void sectionsThatAreNotProfilesAreSkipped() throws IOException {
        write("config", """
                [sso-session corp]
                sso_region = us-east-1
                [services local]
                dynamodb =
                  endpoint_url = http://localhost:8000
                [profile dev]
                sso_session = corp
                """);
        assertThat(files().profiles()).extracting(AwsProfile::name).containsExactly("dev");
    }

    @Test
    void theProfilesCarryNoKeysOrTokens() throws IOException {
        write("credentials", """
                [default]
                aws_access_key_id = AKIAEXAMPLE
                aws_secret_access_key = wJalrXUtnFEMI/K7MDENG
                aws_session_token = FwoGZXIvYXdzEBY
                """);
        assertThat(files().profiles().toString()).doesNotContain("AKIA", "wJalr", "FwoG");
    }

    @Test
    void missingFilesNameNoProfiles() {
        assertThat(files().profiles()).isEmpty();
    }

    @Test
    void theEnvironmentCanPointAtOtherFiles() throws IOException {
        Path config = Files.writeString(home.resolve("my-config"), "[profile elsewhere]\nregion = ap-south-1\n");
        AwsConfigFiles f = AwsConfigFiles.fromEnvironment(Map.of("AWS_CONFIG_FILE", config.toString()), home);
        assertThat(f.profiles()).containsExactly(new AwsProfile("elsewhere", Optional.of("ap-south-1")));
    }
}
