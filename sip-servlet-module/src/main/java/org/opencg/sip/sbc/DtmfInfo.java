package org.opencg.sip.sbc;

import java.util.Locale;
import java.util.Optional;

/**
 * DTMF carried in SIP INFO, as operator cores send it: {@code application/dtmf-relay} with {@code Signal=5} and
 * {@code Duration=160} lines (the de facto format, with 10 and 11 for * and #), or {@code application/dtmf} with the
 * digit alone. A pure function over the body.
 */
final class DtmfInfo {

    /** One key press; duration in ms. */
    record Digit(char key, int durationMs) {
    }

    static final int DEFAULT_DURATION_MS = 250;
    private static final String KEYS = "0123456789*#ABCD";

    private DtmfInfo() {
    }

    /** The digit an INFO carries, or empty when its body is not DTMF. */
    static Optional<Digit> of(String contentType, String body) {
        if (contentType == null || body == null) {
            return Optional.empty();
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/dtmf")) {
            return key(body.strip()).map(k -> new Digit(k, DEFAULT_DURATION_MS));
        }
        if (!type.equals("application/dtmf-relay")) {
            return Optional.empty();
        }
        Optional<Character> key = Optional.empty();
        int duration = DEFAULT_DURATION_MS;
        for (String line : body.split("\r?\n")) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(equals + 1).strip();
            if (name.equals("signal")) {
                key = key(value);
            } else if (name.equals("duration")) {
                try {
                    duration = Math.max(40, Math.min(5000, Integer.parseInt(value)));
                } catch (NumberFormatException e) {
                    duration = DEFAULT_DURATION_MS;
                }
            }
        }
        int ms = duration;
        return key.map(k -> new Digit(k, ms));
    }

    private static Optional<Character> key(String value) {
        if (value.length() == 1 && KEYS.indexOf(Character.toUpperCase(value.charAt(0))) >= 0) {
            return Optional.of(Character.toUpperCase(value.charAt(0)));
        }
        try {
            int event = Integer.parseInt(value);
            return event >= 0 && event < KEYS.length() ? Optional.of(KEYS.charAt(event)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
