package dev.veil.app;

import dev.veil.policy.PolicyChange;
import dev.veil.policy.PolicyDiffText;
import java.util.List;

/**
 * Publishing refused a version that widens exposure against the latest one, because nobody
 * allowed it: every widening change needs a reviewer's explicit approval. Bad input.
 */
public final class WideningRefusedException extends VeilException {
    private static final long serialVersionUID = 1L;

    private final transient List<PolicyChange> widening;
    private final int latestVersion;

    WideningRefusedException(String table, int latestVersion, List<PolicyChange> widening) {
        super(Kind.BAD_INPUT, message(table, latestVersion, widening));
        this.widening = List.copyOf(widening);
        this.latestVersion = latestVersion;
    }

    /** The changes that widen exposure, owner first, then by path. */
    public List<PolicyChange> widening() {
        return widening;
    }

    /** The version the refused one would have followed. */
    public int latestVersion() {
        return latestVersion;
    }

    private static String message(String table, int latest, List<PolicyChange> widening) {
        StringBuilder sb = new StringBuilder("refused to publish ").append(table).append(" v").append(latest + 1)
                .append(": it widens exposure against v").append(latest).append(" in ").append(widening.size())
                .append(widening.size() == 1 ? " place" : " places").append(':');
        for (PolicyChange c : widening) {
            sb.append("\n  ").append(PolicyDiffText.describe(c));
        }
        sb.append("\nNothing was written. Have a reviewer check each change; change back the decisions that "
                + "should not widen (veil review ").append(table).append("), or publish it as approved, with a reason.");
        return sb.toString();
    }
}
