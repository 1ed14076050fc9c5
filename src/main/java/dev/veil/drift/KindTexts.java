package dev.veil.drift;

import dev.veil.model.FindingKind;
import dev.veil.model.Severity;

/** What each kind of finding means and what to do about it, for SARIF rules and report legends. */
final class KindTexts {

    /** A title, a full explanation, generic help, and the severity most findings of the kind carry. */
    record Text(String title, String description, String help, Severity usual) {
    }

    private KindTexts() {
    }

    static Text of(FindingKind kind) {
        return switch (kind) {
            case NEW_ATTRIBUTE -> new Text("Attribute not in the published policy",
                    "Sampling found an attribute that the table's published policy does not name. Sanitizers drop"
                            + " attributes the policy does not name, so clients do not see it, but nobody has decided"
                            + " who may.",
                    "Review the attribute (veil tag TABLE PATH CLASS), then publish the policy (veil publish TABLE).",
                    Severity.MEDIUM);
            case TYPE_CHANGE -> new Text("Attribute type differs from the policy",
                    "Sampled values have a DynamoDB type the published policy did not record: a number now stored"
                            + " as a string, a map that became a list. A scalar that became a map or list is passed"
                            + " whole by sanitizers, nested values included.",
                    "Ask the service that writes the attribute whether the change is intended; if so, review the"
                            + " attribute and publish to record the new types, otherwise fix the writer.",
                    Severity.MEDIUM);
            case MISSING_ATTRIBUTE -> new Text("Policy attribute not seen in the sample",
                    "An attribute the published policy names did not appear in a sample large enough to expect it:"
                            + " one that would show it with at least 99% likelihood at the presence an earlier run"
                            + " measured (or at 1% presence when no earlier run saw it).",
                    "If the attribute was removed or renamed, update the review and publish; if it is only rare,"
                            + " audit a larger sample (veil drift TABLE --items N).",
                    Severity.LOW);
            case UNREVIEWED -> new Text("Decision not yet published",
                    "A steward's current decision differs from the published policy, so the sanitizers in"
                            + " service still apply the published class.",
                    "Publish the policy (veil publish TABLE), or tag the attribute back if the decision was a"
                            + " mistake.",
                    Severity.MEDIUM);
            case NO_POLICY -> new Text("Table without a published policy",
                    "The table has no published policy: services reading it have no sanitizer and none of its"
                            + " attributes is reviewed.",
                    "Review the attributes (veil review TABLE; veil tag TABLE --accept-suggestions), then publish"
                            + " (veil publish TABLE).",
                    Severity.HIGH);
            case INCONSISTENT_CLASS -> new Text("Same data classified differently across tables",
                    "The attribute at the same full path, holding a compatible type, is classified more widely in"
                            + " one table than in another: email public in one table, owner-only in another.",
                    "Agree on one class for the data, tag every table accordingly and publish.",
                    Severity.HIGH);
            case INDEX_EXPOSURE -> new Text("Secondary index projects a secret attribute",
                    "A global or local secondary index copies a secret attribute through an ALL or INCLUDE"
                            + " projection, so whoever may query the index reads it.",
                    "Create a replacement index with KEYS_ONLY or an INCLUDE list without the secret attribute (a"
                            + " projection cannot change in place), move its queries there and delete the old index.",
                    Severity.HIGH);
            case KEY_EXPOSURE -> new Text("Secret attribute used as a key",
                    "A secret attribute is the partition or sort key of the table or of an index. No sanitizer can"
                            + " hide a key: it comes back in every index and in pagination tokens.",
                    "Key on a surrogate (a random id, or a keyed hash of the value) and keep the secret as an"
                            + " ordinary attribute.",
                    Severity.HIGH);
            case HISTORY -> new Text("Attribute appeared or vanished between samples",
                    "Between two consecutive sampling runs an attribute appeared or vanished, beyond what sampling"
                            + " noise explains.",
                    "Confirm with the service that writes the table that the change was intended.",
                    Severity.LOW);
            case EXPIRED_WAIVER -> new Text("Waiver expired",
                    "A waiver in waivers.json has passed its date, so the finding it acknowledged counts again.",
                    "Fix the finding, or, if it is still acceptable, renew the waiver with a new date"
                            + " (veil waive TABLE PATH KIND --reason T --until YYYY-MM-DD).",
                    Severity.MEDIUM);
            case UNUSED_WAIVER -> new Text("Waiver matches no finding",
                    "A waiver in waivers.json matches no finding of the audited table any more: the finding was"
                            + " fixed, or the attribute renamed.",
                    "Remove the waiver from waivers.json.",
                    Severity.LOW);
            case NEW_ENTITY -> new Text("Kind of item no entity of the policy recognises",
                    "In a single-table design whose policy holds entities (veil-policy/2), sampled items of one"
                            + " kind match no entity's match. Every sanitizer drops an item that matches no entity"
                            + " (fail closed), so the kind is invisible to every client that reads through one, and"
                            + " nobody has reviewed it. Always high: services that need such items go around the"
                            + " sanitizer.",
                    "Review the entity (veil review TABLE --entity E), decide its owner (veil owner TABLE ATTRIBUTE"
                            + " --entity E --template 'USER#{id}'), then publish (veil publish TABLE).",
                    Severity.HIGH);
            case MISSING_ENTITY -> new Text("Policy entity not seen in the sample",
                    "An entity the published policy names matched none of the items of a sample large enough to"
                            + " expect it (at the share of items an earlier run measured, or at 1% without one). A"
                            + " kind that is not there exposes nothing, so this is never high: medium when an earlier"
                            + " run showed the kind, because a kind that vanishes was most often renamed (a new marker"
                            + " value or key prefix), and its items then match no entity (see new-entity); low when"
                            + " only the 1% assumption expects it.",
                    "If the kind was renamed, review and publish the new one; if it was retired, publish without"
                            + " it; if it is only rare, audit a larger sample (veil drift TABLE --items N).",
                    Severity.LOW);
        };
    }
}
