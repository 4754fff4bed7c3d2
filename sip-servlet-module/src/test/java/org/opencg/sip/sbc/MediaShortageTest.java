package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.opencg.sip.media.RtpengineException;

/** rtpengine out of ports: every refused call counted, one log line per episode. */
class MediaShortageTest {

    @Test
    void anEpisodeIsLoggedOnceAndEveryRefusedCallCounted() {
        List<String> lines = new ArrayList<>();
        Logger log = Logger.getLogger(MediaShortage.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            MediaShortage shortage = new MediaShortage();
            RtpengineException full = new RtpengineException("Ran out of ports", RtpengineException.Cause.OUT_OF_PORTS);
            for (int i = 0; i < 50; i++) {
                shortage.refused("call-" + i, full);
            }
            shortage.anchored();
            shortage.anchored();
            shortage.refused("call-51", full);
            assertEquals(51, shortage.refusedCalls());
            assertEquals(3, lines.size(), "start, end, start again: " + lines);
            shortage.refused("call-52", new RtpengineException("did not answer"));
            assertEquals(51, shortage.refusedCalls(), "an outage is no shortage");
            assertEquals(4, lines.size(), "an outage is logged per call, as before");
        } finally {
            log.removeHandler(handler);
        }
    }
}
