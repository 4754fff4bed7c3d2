package org.opencg.sip.sbc;

import java.util.Optional;

import org.opencg.sip.container.core.DialogId;

/**
 * A Replaces header's value (RFC 3891 §6.1: {@code callid *(SEMI (to-tag / from-tag / early-flag / generic-param))},
 * both tags required), as it stands in an INVITE or in a REFER's Refer-To URI.
 *
 * @param callId    the Call-ID of the dialog to replace
 * @param toTag     the tag of the party receiving the Replaces
 * @param fromTag   the tag of its peer in that dialog
 * @param earlyOnly the new dialog may replace only an early dialog
 */
record ReplacesValue(String callId, String toTag, String fromTag, boolean earlyOnly) {

    /** The value, or empty when it lacks the Call-ID or either tag (RFC 3891 §6.1 requires them). */
    static Optional<ReplacesValue> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String[] parts = value.strip().split("\\s*;\\s*");
        String toTag = null;
        String fromTag = null;
        boolean early = false;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int eq = part.indexOf('=');
            String name = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(java.util.Locale.ROOT);
            String v = eq < 0 ? null : part.substring(eq + 1).strip();
            switch (name) {
                case "to-tag" -> toTag = v;
                case "from-tag" -> fromTag = v;
                case "early-only" -> early = true;
                default -> { }
            }
        }
        if (parts[0].isEmpty() || toTag == null || toTag.isEmpty() || fromTag == null || fromTag.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ReplacesValue(parts[0], toTag, fromTag, early));
    }

    /**
     * Whether this names our side of the dialog: the receiver of a Replaces matches {@code to-tag} against its own
     * tag and {@code from-tag} against its peer's (RFC 3891 §3). Tags compare without regard to case
     * (RFC 3261 §19.3).
     */
    boolean names(DialogId dialog) {
        return dialog != null && callId.equals(dialog.callId()) && toTag.equalsIgnoreCase(dialog.localTag())
                && fromTag.equalsIgnoreCase(dialog.remoteTag());
    }
}
