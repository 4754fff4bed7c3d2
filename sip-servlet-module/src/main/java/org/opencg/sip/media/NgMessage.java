package org.opencg.sip.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * One ng protocol datagram: a cookie, a space, and a bencoded dictionary. rtpengine echoes the cookie in its
 * reply, which is how replies find their requests and how retransmitted requests are recognised.
 */
public record NgMessage(String cookie, Map<String, Object> body) {

    public byte[] toBytes() {
        byte[] head = (cookie + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] dict = Bencode.encode(body);
        byte[] all = Arrays.copyOf(head, head.length + dict.length);
        System.arraycopy(dict, 0, all, head.length, dict.length);
        return all;
    }

    @SuppressWarnings("unchecked")
    public static NgMessage parse(byte[] data, int length) {
        int space = -1;
        for (int i = 0; i < length; i++) {
            if (data[i] == ' ') {
                space = i;
                break;
            }
        }
        if (space <= 0) {
            throw new IllegalArgumentException("ng message has no cookie");
        }
        Object body = Bencode.decode(data, space + 1, length - space - 1);
        if (!(body instanceof Map)) {
            throw new IllegalArgumentException("ng message body is not a dictionary");
        }
        return new NgMessage(new String(data, 0, space, StandardCharsets.US_ASCII), (Map<String, Object>) body);
    }
}
