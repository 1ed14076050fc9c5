package dev.veil.cli;

import dev.veil.model.Setting;
import java.util.Set;
import java.util.stream.Collectors;

/** Where on the command line each {@link Setting} is set: the hint after a failure's message. */
final class SettingHints {

    private SettingHints() {
    }

    /** The hint for {@code setting}: its global option and environment variable. */
    static String hint(Setting setting) {
        return switch (setting) {
            case ENDPOINT -> "the endpoint is --endpoint URL or AWS_ENDPOINT_URL_DYNAMODB; `veil demo` starts a "
                    + "local DynamoDB";
            case REGION -> "the region is --region or AWS_REGION";
            case PROFILE -> "the profile is --profile or AWS_PROFILE";
            case WORKSPACE -> "the workspace is --workspace DIR or VEIL_WORKSPACE";
            case MAX_READ_RATE -> "the read rate is --max-rcu UNITS";
        };
    }

    /** The hints for {@code settings} in one sentence, empty when there are none. */
    static String hints(Set<Setting> settings) {
        return settings.stream().map(SettingHints::hint).collect(Collectors.joining("; "));
    }
}
