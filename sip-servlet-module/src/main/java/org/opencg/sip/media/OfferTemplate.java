package org.opencg.sip.media;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The SDP the gateway lets rtpengine answer for a caller that made no offer (an offerless INVITE, RFC 3261
 * §13.2.1): Teams takes no such INVITE (acg-behaviour.md §3.7), so the gateway offers on the caller's behalf. It
 * names the caller's address with the discard port (RFC 863): rtpengine sends nothing useful there and takes the
 * caller's real port from its first RTP packet (symmetric RTP, RFC 4961), the address the caller's answer in its
 * ACK would also give.
 */
public final class OfferTemplate {

    /** Static payload types (RFC 3551) and the one dynamic type the gateway uses for DTMF events. */
    private static final Map<String, String> PAYLOADS = Map.of("PCMU", "0 PCMU/8000", "PCMA", "8 PCMA/8000",
            "G722", "9 G722/8000", "G729", "18 G729/8000", "TELEPHONE-EVENT", "101 telephone-event/8000");

    /** What an operator caller that made no offer is offered: G.711 both laws and DTMF events. */
    public static final List<String> OPERATOR_CODECS = List.of("PCMA", "PCMU", "telephone-event");

    private OfferTemplate() {
    }

    /**
     * The answer of a party not there yet, to stand in for it while the gateway plays to the other party (ringback):
     * the offer itself, every media at the discard port (RFC 863), so nothing the other party sends goes anywhere.
     */
    public static String standIn(String offer) {
        return offer.replaceAll("(?m)^m=(\\w+) \\d+", "m=$1 9");
    }

    /** An audio offer from {@code address} with these codecs (names as in rtpmap; unknown names are skipped). */
    public static String offer(String address, List<String> codecs) {
        StringJoiner types = new StringJoiner(" ");
        StringBuilder maps = new StringBuilder();
        for (String codec : codecs) {
            String payload = PAYLOADS.get(codec.toUpperCase(Locale.ROOT));
            if (payload != null) {
                String type = payload.substring(0, payload.indexOf(' '));
                types.add(type);
                maps.append("a=rtpmap:").append(payload).append("\r\n");
                if (type.equals("101")) {
                    maps.append("a=fmtp:101 0-15\r\n");
                }
            }
        }
        String family = address.contains(":") ? "IP6" : "IP4";
        long version = System.currentTimeMillis() / 1000;
        return "v=0\r\no=- " + version + " " + version + " IN " + family + " " + address + "\r\ns=-\r\nc=IN " + family
                + " " + address + "\r\nt=0 0\r\nm=audio 9 RTP/AVP " + types + "\r\n" + maps + "a=sendrecv\r\n";
    }
}
