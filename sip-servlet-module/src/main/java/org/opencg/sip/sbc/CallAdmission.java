package org.opencg.sip.sbc;

/**
 * Admission control (acg-behaviour.md §7): calls in progress, ringing or answered, are limited to a share of the
 * provisioned numbers (ACG allows 15 % of the users assigned) and to an absolute ceiling, which should not pass what
 * rtpengine's port range holds (four ports a call). Past either, a new call gets 503 with Retry-After; emergency
 * calls are never limited. Pure: counts in, a verdict out.
 *
 * @param ceiling          the most calls in progress; 0: no ceiling
 * @param percentOfNumbers the most calls in progress as a percentage of the provisioned numbers; 0: no such limit
 */
public record CallAdmission(int ceiling, int percentOfNumbers) {

    /**
     * @param provisionedNumbers counted only when the share of numbers is set: on the call path, the routing
     *                           snapshot's size is a walk over its segments
     * @return null when a new call may start beside {@code inProgress} others, else the 503's reason
     */
    public String refusal(int inProgress, java.util.function.IntSupplier provisionedNumbers) {
        if (ceiling > 0 && inProgress >= ceiling) {
            return ceilingReason();
        }
        if (percentOfNumbers > 0) {
            int numbers = provisionedNumbers.getAsInt();
            long limit = Math.max(1, (long) numbers * percentOfNumbers / 100);
            if (inProgress >= limit) {
                return "Service Unavailable (call limit of " + limit + ", " + percentOfNumbers + " % of "
                        + numbers + " numbers, reached)";
            }
        }
        return null;
    }

    /** The 503's reason phrase past the ceiling. */
    public String ceilingReason() {
        return "Service Unavailable (call limit of " + ceiling + " reached)";
    }
}
