package org.opencg.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BencodeTest {

    private static String encoded(Object value) {
        return new String(Bencode.encode(value), StandardCharsets.UTF_8);
    }

    @Test
    void encodesTheExamplesOfTheBitTorrentSpecification() {
        assertEquals("4:spam", encoded("spam"));
        assertEquals("i3e", encoded(3));
        assertEquals("i-3e", encoded(-3L));
        assertEquals("l4:spam4:eggse", encoded(List.of("spam", "eggs")));
        assertEquals("d3:cow3:moo4:spam4:eggse", encoded(Map.of("spam", "eggs", "cow", "moo")));
        assertEquals("0:", encoded(""));
    }

    @Test
    void dictionaryKeysAreSortedWhateverTheInsertionOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sdp", "v=0");
        map.put("command", "offer");
        map.put("call-id", "a");
        assertEquals("d7:call-id1:a7:command5:offer3:sdp3:v=0e", encoded(map));
    }

    @Test
    void dictionaryEntriesWithoutAValueAreLeftOut() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("command", "offer");
        map.put("sdp", null); // e.g. an INVITE without an offer
        assertEquals("d7:command5:offere", encoded(map));
    }

    @Test
    void decodesWhatItEncodes() {
        Map<String, Object> original = Map.of("command", "offer", "flags", List.of("trust-address"), "ttl", 30L,
                "nested", Map.of("x", "ü"));
        assertEquals(original, Bencode.decode(Bencode.encode(original)));
    }

    @Test
    void rejectsTruncatedAndMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> Bencode.decode("d7:command".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> Bencode.decode("10:short".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> Bencode.decode("x".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> Bencode.decode("i1ei2e".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> Bencode.decode("di1e1:ae".getBytes()));
    }

    @Test
    void ngMessagesCarryTheCookieBeforeTheDictionary() {
        byte[] wire = new NgMessage("5323_1", Map.of("command", "ping")).toBytes();
        assertEquals("5323_1 d7:command4:pinge", new String(wire, StandardCharsets.US_ASCII));
        byte[] reply = "5323_1 d6:result4:ponge".getBytes(StandardCharsets.US_ASCII);
        NgMessage parsed = NgMessage.parse(reply, reply.length);
        assertEquals("5323_1", parsed.cookie());
        assertEquals("pong", parsed.body().get("result"));
        assertThrows(IllegalArgumentException.class, () -> NgMessage.parse("d6:result4:ponge".getBytes(), 16));
    }
}
