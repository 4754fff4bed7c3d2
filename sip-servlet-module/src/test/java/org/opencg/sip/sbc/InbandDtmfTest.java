package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class InbandDtmfTest {

    private static final String CORE = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 8 0 101 13\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=rtpmap:13 CN/8000\r\na=ptime:20\r\n";

    @Test
    void aCoresTelephoneEventIsTakenOffItsFormatsAndItsLines() {
        assertEquals("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 8 0 13\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:13 CN/8000\r\na=ptime:20\r\n", InbandDtmf.withoutTelephoneEvent(CORE));
    }

    @Test
    void everyClockRateAndAnyCaseGoes() {
        String wide = "m=audio 4000 RTP/AVP 9 97 101\na=rtpmap:9 G722/8000\na=rtpmap:97 TELEPHONE-EVENT/16000\n"
                + "a=fmtp:97 0-16\na=rtpmap:101 telephone-event/8000\na=fmtp:101 0-15\n";
        assertEquals("m=audio 4000 RTP/AVP 9\na=rtpmap:9 G722/8000\n", InbandDtmf.withoutTelephoneEvent(wide));
    }

    @Test
    void anSdpWithoutTelephoneEventIsLeftAsItIs() {
        String plain = "m=audio 4000 RTP/AVP 0 101\na=rtpmap:0 PCMU/8000\na=rtpmap:101 CN/8000\n";
        assertSame(plain, InbandDtmf.withoutTelephoneEvent(plain));
        assertEquals(null, InbandDtmf.withoutTelephoneEvent(null));
    }
}
