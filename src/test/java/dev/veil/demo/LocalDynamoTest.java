package dev.veil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.veil.testing.LocalDynamoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(LocalDynamoExtension.class)
class LocalDynamoTest {

    @Test
    void endpointIsALoopbackHttpUrlThatAnswers(LocalDynamo local, DynamoDbClient dynamo) {
        assertThat(local.endpoint().getScheme()).isEqualTo("http");
        assertThat(local.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(local.endpoint().getPort()).isPositive();
        assertThat(local.isRunning()).isTrue();
        assertThat(dynamo.listTables().sdkHttpResponse().isSuccessful()).isTrue();
    }

    @Test
    void serverOutputGoesToTheLogFile(LocalDynamo local) throws IOException {
        assertThat(Files.readString(local.logFile())).contains("listening at: " + local.endpoint());
    }

    @Test
    void closeStopsTheServerAndRemovesItsLog() {
        LocalDynamo local = LocalDynamo.start();
        Path log = local.logFile();

        local.close();
        local.close();

        assertThat(local.isRunning()).isFalse();
        assertThat(log).doesNotExist();
    }

    @Test
    void aClientAbortingARequestDoesNotTakeTheServerDown() throws Exception {
        try (LocalDynamo local = LocalDynamo.start(); DynamoDbClient client = local.newClient()) {
            try (Socket socket = new Socket(local.endpoint().getHost(), local.endpoint().getPort());
                 OutputStream out = socket.getOutputStream()) {
                out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n"
                        + "X-Amz-Target: DynamoDB_20120810.ListTables\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            awaitLogLine(local, "a client aborted a request");

            assertThat(Files.readString(local.logFile())).contains("a client aborted a request");
            assertThat(client.listTables().sdkHttpResponse().isSuccessful()).isTrue();
            assertThat(local.isRunning()).isTrue();
        }
    }

    /** Waits (bounded) until the server has handled the abort, so the check after it is meaningful. */
    private static void awaitLogLine(LocalDynamo local, String text) throws IOException, InterruptedException {
        for (int i = 0; i < 200 && !Files.readString(local.logFile()).contains(text) && local.isRunning(); i++) {
            Thread.sleep(50);
        }
    }
}
