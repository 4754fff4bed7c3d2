package org.opencg.sip.container.core;

import java.util.Set;

/**
 * Which final response a forking proxy sends back when no branch answered 2xx: RFC 3261 §16.7 step 6, as pure
 * functions over status codes.
 */
final class BestResponse {

    /** 4xx codes that tell the caller how to succeed on a retry, preferred within their class (§16.7 step 6). */
    private static final Set<Integer> ACTIONABLE = Set.of(401, 407, 415, 420, 484);

    private BestResponse() {
    }

    /**
     * True when {@code candidate} should replace {@code current} as the best response so far: any 6xx wins
     * (the first one received stays), otherwise the lowest class, and within 4xx an actionable code.
     */
    static boolean isBetter(int candidate, int current) {
        if (current >= 600) {
            return false;
        }
        if (candidate >= 600) {
            return true;
        }
        int candidateClass = candidate / 100;
        int currentClass = current / 100;
        if (candidateClass != currentClass) {
            return candidateClass < currentClass;
        }
        return candidateClass == 4 && ACTIONABLE.contains(candidate) && !ACTIONABLE.contains(current);
    }

    /**
     * The status sent upstream for the chosen response: a 503 becomes 500, since the caller must not take the
     * proxy itself for unavailable and retry elsewhere (§16.7 step 6, §21.5.4).
     */
    static int forwardedStatus(int best) {
        return best == 503 ? 500 : best;
    }
}
