package dev.veil.cli;

import dev.veil.app.DemoEnvironment;
import dev.veil.app.VeilException;
import dev.veil.app.VeilSettings;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code veil demo}: a local DynamoDB with the demo tables, then the console. */
@Command(name = "demo", description = {
    "Open the console on a local DynamoDB seeded with demo tables.",
    "Starts dynalite (needs Node.js 20+), seeds users, orders and app_data; the data lives in "
        + "memory until Veil exits."})
final class DemoCommand extends BaseCommand {

    @Option(names = "--seed-only", description = "Only seed the demo tables into the DynamoDB at --endpoint.")
    boolean seedOnly;

    @Option(names = "--no-console", description = "Do not open the console: print the endpoint and wait until interrupted.")
    boolean noConsole;

    @Override
    protected int doCall() throws InterruptedException {
        VeilSettings settings = settings();
        if (seedOnly) {
            URI endpoint = settings.endpoint().orElseThrow(() -> VeilException.badInput(
                    "--seed-only needs --endpoint URL (or AWS_ENDPOINT_URL_DYNAMODB) naming a local DynamoDB"));
            long start = System.nanoTime();
            java.util.Map<String, Integer> seeded = DemoEnvironment.seed(endpoint);
            out().println("Seeded " + seeded + " at " + endpoint + " in " + (System.nanoTime() - start) / 1_000_000 + " ms.");
            return ExitCodes.OK;
        }
        if (!noConsole && Console.available()) {
            if (Console.opensHere()) {
                progress("Opening the console; it starts the local DynamoDB and seeds the demo tables.");
            }
            return Console.open(settings, true, spec.root().commandLine().getParseResult().originalArgs());
        }
        try (DemoEnvironment demo = DemoEnvironment.start(p -> progress("… " + p.message()))) {
            VeilSettings demoSettings = settings.forDemo(demo.endpoint());
            printWelcome(demo, demoSettings);
            if (!noConsole) {
                progress("No display is available, so the console stays closed; "
                        + "the local DynamoDB runs until you press Ctrl+C.");
            }
            waitUntilInterrupted();
            return ExitCodes.OK;
        }
    }

    private void printWelcome(DemoEnvironment demo, VeilSettings s) {
        String ep = demo.endpoint().toString();
        // An installed copy runs through jpackage's launcher, which sets this property.
        String veil = System.getProperty("jpackage.app-path") != null ? "veil" : "java -jar target/veil.jar";
        out().println("Local DynamoDB with the demo tables: " + ep);
        demo.itemsPerTable().forEach((t, n) -> out().printf("  %-9s %,d items%n", t, n));
        out().println();
        out().println("Try, in another terminal:");
        out().println("  export AWS_ENDPOINT_URL_DYNAMODB=" + ep + " VEIL_WORKSPACE=" + s.workspace());
        out().println("  " + veil + " tables");
        out().println("  " + veil + " sample users");
        out().println("  " + veil + " tag users --accept-suggestions");
        out().println("  " + veil + " publish users --owner user_id");
        out().println("  " + veil + " export users --out /tmp/service");
        out().println("  " + veil + " drift users orders");
        out().println("Workspace " + s.workspace() + ", policies " + s.policies());
        out().flush();
    }

    private static void waitUntilInterrupted() throws InterruptedException {
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
        forever.await();
    }
}
