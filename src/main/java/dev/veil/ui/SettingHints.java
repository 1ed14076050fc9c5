package dev.veil.ui;

import dev.veil.model.Setting;
import java.util.Set;
import java.util.stream.Collectors;

/** Where in the console each {@link Setting} is set: the hint after a failure's message. */
final class SettingHints {

    private SettingHints() {
    }

    /** The hint for {@code setting}: the field (or page) that sets it. */
    static String hint(Setting setting) {
        return switch (setting) {
            case ENDPOINT -> "the endpoint is the Endpoint URL field on the Connect page (Ctrl+1); the demo there "
                    + "starts a local DynamoDB";
            case REGION -> "the region is the Region field on the Connect page (Ctrl+1)";
            case PROFILE -> "the profile is the Profile field on the Connect page (Ctrl+1)";
            case WORKSPACE -> "the workspace is the Workspace field on the Connect page (Ctrl+1)";
            case MAX_READ_RATE -> "the read rate is the read-rate cap on the Tables page (Ctrl+2)";
        };
    }

    /** The hints for {@code settings}, one sentence each, empty when there are none. */
    static String hints(Set<Setting> settings) {
        return settings.stream().map(s -> capitalise(hint(s)) + ".").collect(Collectors.joining(" "));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
