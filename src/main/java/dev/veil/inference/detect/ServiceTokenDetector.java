package dev.veil.inference.detect;

import java.util.regex.Pattern;

/**
 * Credentials of well-known services, recognised by their documented prefixes: GitHub tokens
 * ({@code ghp_}, {@code github_pat_}...), Slack tokens and webhook URLs ({@code xoxb-},
 * {@code hooks.slack.com/services/}), Stripe secret and restricted keys and webhook secrets
 * ({@code sk_live_}, {@code rk_test_}, {@code whsec_}; publishable {@code pk_} keys are public
 * by design and not counted), and Google API keys, OAuth client secrets and access tokens
 * ({@code AIza}, {@code GOCSPX-}, {@code ya29.}).
 */
public final class ServiceTokenDetector extends BaseDetector {

    private final String[] prefixes;
    private final Pattern pattern;

    private ServiceTokenDetector(String id, String description, String regex, String... prefixes) {
        super(id, description, Leaning.SECRET, 0.95);
        this.prefixes = prefixes.clone();
        this.pattern = Pattern.compile(regex);
    }

    public static ServiceTokenDetector github() {
        return new ServiceTokenDetector("github-token", "GitHub tokens",
                "gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82}", "gh", "github_pat_");
    }

    public static ServiceTokenDetector slack() {
        return new ServiceTokenDetector("slack-token", "Slack tokens and webhook URLs",
                "xox[abposr]-[A-Za-z0-9-]{10,250}|xapp-[A-Za-z0-9-]{10,250}"
                        + "|https://hooks\\.slack\\.com/services/T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/[A-Za-z0-9]{20,32}",
                "xox", "xapp-", "https://hooks.slack.com/");
    }

    public static ServiceTokenDetector stripe() {
        return new ServiceTokenDetector("stripe-key", "Stripe secret keys",
                "[sr]k_(?:live|test)_[A-Za-z0-9]{10,247}|whsec_[A-Za-z0-9]{20,128}", "sk_", "rk_", "whsec_");
    }

    public static ServiceTokenDetector google() {
        return new ServiceTokenDetector("google-credential", "Google API keys and OAuth secrets",
                "AIza[0-9A-Za-z_-]{35}|GOCSPX-[A-Za-z0-9_-]{28}|ya29\\.[0-9A-Za-z_-]{20,2048}", "AIza", "GOCSPX-", "ya29.");
    }

    @Override
    public boolean matches(String value) {
        int n = value.length();
        return n >= 16 && n <= 2100 && hasPrefix(value) && pattern.matcher(value).matches();
    }

    private boolean hasPrefix(String value) {
        for (String p : prefixes) {
            if (value.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
