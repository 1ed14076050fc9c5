package dev.veil.policy;

import dev.veil.model.Classification;
import dev.veil.model.Policy;

import java.nio.file.Path;

/**
 * A child process for {@link AtomicPublishCrashTest}: publishes a new version of {@code users}
 * again and again, printing each version number, until it is killed.
 */
public final class PublishLoop {
    private PublishLoop() {
    }

    public static void main(String[] args) {
        PolicyStore store = new PolicyStore(Path.of(args[0]));
        for (long i = 0; ; i++) {
            Policy draft = Fixtures.withRule(Fixtures.users(), "counter",
                    Fixtures.rule(Classification.SECRET, "loop", args[1] + " round " + i));
            PublishResult r = store.publish(draft);
            if (r instanceof PublishResult.Written p) {
                System.out.println("published " + p.policy().version());
                System.out.flush();
            }
        }
    }
}
