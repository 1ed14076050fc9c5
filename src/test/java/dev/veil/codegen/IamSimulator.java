package dev.veil.codegen;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real IAM policy evaluator, {@code @cloud-copilot/iam-simulate} (test-only, pinned in
 * {@code src/test/iam-simulate}, installed with {@code npm ci} on first use), run as one Node.js
 * process per test run that answers a line of JSON per batch of requests. The process ends when
 * the JVM closes its input.
 */
final class IamSimulator {

    /** What IAM decides for a request. */
    enum Decision { ALLOWED, DENIED }

    /**
     * One request as IAM authorizes it.
     *
     * @param action   {@code dynamodb:GetItem} …
     * @param resource the table's or index's ARN
     * @param context  condition keys: a string or a list of strings each
     */
    record Request(String action, String resource, Map<String, Object> context) {
        Request {
            context = Map.copyOf(context);
        }
    }

    /** Escapes every non-ASCII character, so lone surrogates in hostile names reach Node.js intact. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static Process process;
    private static BufferedWriter in;
    private static BufferedReader out;

    private IamSimulator() {
    }

    /** The decision for each request under the identity policies {@code documents}, in order. */
    static synchronized List<Decision> decide(List<JsonNode> documents, List<Request> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        ObjectNode input = JSON.createObjectNode();
        ArrayNode policies = input.putArray("policies");
        documents.forEach(policies::add);
        ArrayNode list = input.putArray("requests");
        for (Request r : requests) {
            ObjectNode n = list.addObject().put("action", r.action()).put("resource", r.resource());
            n.set("context", JSON.valueToTree(r.context()));
        }
        try {
            start();
            in.write(JSON.writeValueAsString(input));
            in.write('\n');
            in.flush();
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("iam-simulate ended without an answer");
            }
            JsonNode answer = JSON.readTree(line);
            if (answer.has("error")) {
                throw new IllegalStateException("iam-simulate refused the input: " + answer.get("error").toPrettyString());
            }
            List<Decision> decisions = new ArrayList<>();
            answer.get("results").forEach(r -> decisions.add("Allowed".equals(r.asText()) ? Decision.ALLOWED : Decision.DENIED));
            return decisions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        String node = Toolchains.node();
        Path dir = Toolchains.projectDir().resolve("src/test/iam-simulate");
        if (!Files.isDirectory(dir.resolve("node_modules/@cloud-copilot/iam-simulate"))) {
            Toolchains.run(dir, List.of("npm", "ci", "--no-audit", "--no-fund"), "").expectSuccess("npm ci in " + dir);
        }
        process = new ProcessBuilder(node, "simulate.js").directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
    }
}
