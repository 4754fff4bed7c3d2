package org.opencg.sip.sbc;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import org.opencg.sip.media.RtpengineException;

/**
 * rtpengine running out of ports is overload, not an outage: each call it refuses is answered 503 with Retry-After
 * and counted ({@code opencg_sbc_media_refused_calls}), and the log says so once when an episode starts and once when
 * a call gets its ports again, not once per call.
 */
final class MediaShortage {

    private static final Logger LOG = Logger.getLogger(MediaShortage.class.getName());

    private final AtomicBoolean shortOfPorts = new AtomicBoolean();
    private final AtomicLong refused = new AtomicLong();

    /** A call's media was refused for this reason; logs when it starts an episode of rtpengine out of ports. */
    void refused(String callId, RtpengineException e) {
        if (e.reason() != RtpengineException.Cause.OUT_OF_PORTS) {
            LOG.warning(() -> "call " + callId + " refused: " + e.getMessage());
            return;
        }
        refused.incrementAndGet();
        if (shortOfPorts.compareAndSet(false, true)) {
            LOG.warning(() -> "rtpengine is out of ports: new calls get 503 with Retry-After until calls end ("
                    + e.getMessage() + "; opencg.rtpengine.port-range)");
        }
    }

    /** A call got its media: an episode of shortage, if there was one, is over. */
    void anchored() {
        if (shortOfPorts.get() && shortOfPorts.compareAndSet(true, false)) {
            LOG.info("rtpengine has ports again; calls are taken");
        }
    }

    /** Calls refused for want of rtpengine ports since the start. */
    long refusedCalls() {
        return refused.get();
    }
}
