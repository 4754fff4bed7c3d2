package org.opencg.sip.container.core;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * New calls refused where a datagram arrives, before JAIN-SIP parses it: while the application's calls fill its
 * {@link NewCallGate} limit, or while the oldest datagram waiting for the stack's parser has waited longer than the
 * overload bound ({@code opencg.sip.overload.queue-delay-ms}), a new INVITE over UDP from a source its side admits is
 * answered 503 with Retry-After (RFC 3261 §21.5.4) from its bytes ({@link RawRequest}), and the ACK for that answer
 * is dropped. Measured with {@code bench overload}: a refusal that goes through the parser, a transaction and the
 * servlet costs nearly what a call does, so past the limit the refusals took the CPU the calls needed. In-dialog
 * requests, INVITEs to {@link PriorityCalls} dial strings and whatever this cannot read go the normal way.
 */
public final class EarlyShedding {

    /** The To-tag prefix of the answers given here, by which their ACKs are known. */
    static final String TAG_PREFIX = "shed";
    private static final Map<String, EarlyShedding> BY_STACK = new ConcurrentHashMap<>();

    private final Overload overload;
    private final SourceAdmission sources;
    /**
     * The new INVITEs let through lately, by transaction: a retransmission of one (its 100 Trying late, or the first
     * copy still waiting for the parser) must reach its transaction, not get a 503 that ends the caller's. Kept for
     * Timer B (64 T1, RFC 3261 §17.1.1.2), the longest a caller retransmits.
     */
    private final Cache<String, Boolean> passed = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterWrite(Duration.ofSeconds(32)).build();

    public EarlyShedding(Overload overload, SourceAdmission sources) {
        this.overload = overload;
        this.sources = sources;
    }

    public static void register(String stackName, EarlyShedding shedding) {
        BY_STACK.put(stackName, shedding);
    }

    public static void unregister(String stackName) {
        BY_STACK.remove(stackName);
    }

    /** The shedding of the stack of this name; null for a stack the container did not start. */
    static EarlyShedding of(String stackName) {
        return BY_STACK.get(stackName);
    }

    /**
     * What becomes of a datagram: null sends it on to the stack, an empty array drops it, anything else is the
     * answer to send back to its source.
     *
     * @param waitedMillis how long the oldest datagram still waiting for the parser has waited
     */
    public byte[] judge(byte[] bytes, int length, long waitedMillis, InetAddress source, String localAddress,
            int localPort) {
        if (length > 4 && bytes[0] == 'A' && bytes[1] == 'C' && bytes[2] == 'K' && bytes[3] == ' ') {
            RawRequest ack = RawRequest.read(bytes, length);
            String tag = ack == null ? null : ack.toTag();
            return tag != null && tag.startsWith(TAG_PREFIX) ? new byte[0] : null;
        }
        if (length < 7 || bytes[0] != 'I') {
            return null;
        }
        RawRequest invite = RawRequest.read(bytes, length);
        if (invite == null || !invite.isInvite() || invite.toTag() != null) {
            return null;
        }
        String transaction = invite.transactionKey();
        boolean delayed = overload.delayLimitMillis() > 0 && waitedMillis > overload.delayLimitMillis();
        String closed = overload.gate().reason();
        if (transaction != null && passed.getIfPresent(transaction) != null) {
            return null; // a retransmission of a call already taken: its transaction absorbs it
        }
        if (!delayed && closed == null || overload.isPriority(invite.dialled())) {
            if (transaction != null) {
                passed.put(transaction, Boolean.TRUE);
            }
            return null;
        }
        if (!sources.admits(localAddress, localPort, source, invite.userAgent())) {
            return new byte[0];
        }
        String reason;
        if (delayed) {
            overload.shedForDelay("the oldest datagram has waited " + waitedMillis + " ms for the parser, over "
                    + Overload.DELAY_SETTING + "=" + overload.delayLimitMillis());
            reason = "Overloaded";
        } else {
            overload.gate().countRefused();
            reason = closed;
        }
        return invite.response(503, reason, invite.stableTag(TAG_PREFIX),
                "Retry-After: " + StatelessAnswers.OVERLOAD_RETRY_AFTER_SECONDS);
    }
}
