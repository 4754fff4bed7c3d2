package org.opencg.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.Config;

/**
 * The emergency settings the SBC routes by and the portal's go-live page checks (docs/configuration.md), read one
 * way for both: the dial strings ({@code opencg.emergency.numbers}, ACG's default {@code 911,933}) and whether
 * emergency calls go to the ESRPs ({@code opencg.emergency.e911-type}).
 */
public final class EmergencySettings {

    public static final String NUMBERS = "opencg.emergency.numbers";
    public static final String E911_TYPE = "opencg.emergency.e911-type";

    private EmergencySettings() {
    }

    /** The deployment's emergency dial strings. */
    public static Set<String> numbers(Config config) {
        return parseNumbers(config.getOptionalValue(NUMBERS, String.class).orElse("911,933"));
    }

    /** The dial strings of a comma-separated setting, blanks left out. */
    public static Set<String> parseNumbers(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(n -> !n.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** e911Type DirectToEsrp rather than Standard; any other word is an IllegalArgumentException naming the setting. */
    public static boolean directToEsrp(Config config) {
        String type = config.getOptionalValue(E911_TYPE, String.class).orElse("standard").strip()
                .toLowerCase(Locale.ROOT);
        if (!type.equals("standard") && !type.equals("direct-to-esrp")) {
            throw new IllegalArgumentException(E911_TYPE + ": '" + type + "' is not standard or direct-to-esrp");
        }
        return type.equals("direct-to-esrp");
    }
}
