package org.opencg.sip.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Map;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;

/** The ringback tone a transferee hears, the ng commands that play it, and the origin of a re-offer. */
class RingbackAndOriginTest {

    @Test
    void theDefaultRingbackIsOneSecondOf425HzThenFourOfSilenceAsMuLawWav() throws Exception {
        RingbackTone tone = RingbackTone.parse(RingbackTone.DEFAULT);
        byte[] wav = tone.wav();
        assertTrue(wav.length < 60_000, "fits one ng datagram: " + wav.length);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            assertEquals(AudioFormat.Encoding.ULAW, in.getFormat().getEncoding());
            assertEquals(8000f, in.getFormat().getSampleRate());
            assertEquals(5 * 8000, in.getFrameLength());
            try (AudioInputStream pcm = AudioSystem.getAudioInputStream(AudioFormat.Encoding.PCM_SIGNED, in)) {
                byte[] bytes = pcm.readAllBytes();
                short[] samples = new short[bytes.length / 2];
                boolean bigEndian = pcm.getFormat().isBigEndian();
                for (int i = 0; i < samples.length; i++) {
                    int hi = bytes[2 * i + (bigEndian ? 0 : 1)];
                    int lo = bytes[2 * i + (bigEndian ? 1 : 0)] & 0xff;
                    samples[i] = (short) (hi << 8 | lo);
                }
                assertTrue(strength(samples, 0, 8000, 425) > 0.9, "the first second is the tone");
                assertTrue(strength(samples, 0, 8000, 1000) < 0.01, "and nothing else");
                assertTrue(rms(samples, 8000, 40_000) < 10, "then silence");
            }
        }
    }

    @Test
    void americanRingbackHasTwoFrequenciesAndBadSpecsAreRefusedWithTheForm() {
        RingbackTone us = RingbackTone.parse("440+480/2000/4000");
        assertArrayEquals(new int[] {440, 480}, us.frequencies());
        assertEquals(6000, us.cycleMs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RingbackTone.parse("425Hz"));
        assertTrue(e.getMessage().contains("<Hz>[+<Hz>]/<on ms>/<off ms>"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RingbackTone.parse("425/5000/5000"), "cycle over 7 s");
        assertThrows(IllegalArgumentException.class, () -> RingbackTone.parse("20/1000/1000"), "below 50 Hz");
    }

    @Test
    void playMediaSendsTheFileAsABlobToTheTaggedPartyAndBencodesItsBytes() {
        byte[] file = {0, 1, 2, (byte) 0xff};
        Map<String, Object> play = NgCommands.playMedia("c1", "t1", file, 12);
        assertEquals("play media", play.get("command"));
        assertEquals("t1", play.get("from-tag"));
        assertEquals(12L, play.get("repeat-times"));
        String encoded = new String(Bencode.encode(play), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(encoded.contains("4:blob4:\u0000\u0001\u0002\u00ff"), encoded);
        assertEquals(Map.of("command", "stop media", "call-id", "c1", "from-tag", "t1"),
                NgCommands.stopMedia("c1", "t1"));
    }

    @Test
    void aReofferKeepsTheSessionOfWhatThePartyGotBeforeWithTheVersionOneUp() {
        String before = "v=0\r\no=teams 7001 3 IN IP4 10.0.0.1\r\ns=-\r\n";
        String next = "v=0\r\no=core 1 1 IN IP4 192.0.2.9\r\ns=-\r\nm=audio 4000 RTP/AVP 8\r\n";
        assertEquals("v=0\r\no=teams 7001 4 IN IP4 192.0.2.9\r\ns=-\r\nm=audio 4000 RTP/AVP 8\r\n",
                SdpOrigin.continueFrom(before, next));
        assertEquals(next, SdpOrigin.continueFrom(null, next), "nothing sent before: unchanged");
    }

    private static double strength(short[] x, int from, int to, int hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / 8000.0);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        for (int i = from; i < to; i++) {
            energy += (double) x[i] * x[i];
            double s = x[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return (s1 * s1 + s2 * s2 - coefficient * s1 * s2) / (energy * (to - from) / 2.0);
    }

    private static double rms(short[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return Math.sqrt(sum / (to - from));
    }
}
