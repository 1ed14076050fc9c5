package dev.veil.ui;

import java.util.Arrays;
import java.util.Optional;

/** The console's screens, in sidebar order. {@code Ctrl+<shortcut>} opens each. */
public enum Page {
    CONNECT("_Connect", "Choose an AWS profile and region, a custom endpoint, or the demo."),
    TABLES("_Tables", "The account's tables, their keys and indexes, and what Veil knows of each."),
    REVIEW("_Review", "Classify every attribute path: public, owner-only or secret."),
    PUBLISH("_Publish", "Publish the decisions as the next policy version; compare versions."),
    EXPORT("E_xport", "Write the policy and generated sanitizers into a service repository."),
    DRIFT("_Drift", "Audit tables against their policies and see what changed between samples."),
    AUDIT_LOG("_Audit log", "Every decision: by whom, when and why.");

    private final String mnemonicTitle;
    private final String description;

    Page(String mnemonicTitle, String description) {
        this.mnemonicTitle = mnemonicTitle;
        this.description = description;
    }

    /** The title with its mnemonic marked by an underscore ("E_xport"). */
    public String mnemonicTitle() {
        return mnemonicTitle;
    }

    /** The plain title ("Export"). */
    public String title() {
        return mnemonicTitle.replace("_", "");
    }

    public String description() {
        return description;
    }

    /** The digit that opens the page with Ctrl: 1 for Connect, 2 for Tables… */
    public int shortcut() {
        return ordinal() + 1;
    }

    /** The page whose {@link #name()} is {@code name}, if any (remembered layouts may be stale). */
    public static Optional<Page> byName(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }
}
