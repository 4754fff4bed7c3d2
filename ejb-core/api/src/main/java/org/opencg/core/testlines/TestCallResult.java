package org.opencg.core.testlines;

import java.time.Instant;

/**
 * One synthetic call between two Automated test lines through the gateway, and how it went.
 *
 * @param setupMillis INVITE to 200, null when it was not answered
 * @param rtpBack     RTP packets that came back while the call was held
 * @param reason      in plain words: why it failed, or what was measured when it passed
 */
public record TestCallResult(Instant startedAt, String callerLine, String calledLine, String callerNumber,
        String calledNumber, boolean passed, String reason, Long setupMillis, int rtpBack) {
}
