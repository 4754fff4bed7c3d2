package org.opencg.sip.sbc;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.TimerService;

import org.opencg.sip.media.DtmfEvent;
import org.opencg.sip.media.DtmfEventListener;
import org.opencg.sip.media.RtpengineException;
import org.opencg.sip.media.RtpengineSettings;

/**
 * DTMF between a trunk set to {@code info} and Microsoft's side, which takes RFC 4733 events only
 * (acg-behaviour.md §3.7): an INFO from the operator becomes events injected into the media toward Teams, and the
 * events rtpengine reports from Teams become INFO toward the operator. Reports arrive on the listener's thread and
 * go on to the call's own queue as a timer, so the call is touched only there.
 */
final class DtmfRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DtmfRelay.class.getName());

    /** A key Teams pressed, waiting on the call's queue (a timer's info: serializable, JSR 289 §20.2). */
    record Key(String sourceTag, char key, int durationMs) implements Serializable {
    }

    private final CallMedia media;
    private final TimerService timers;
    /** Calls on a trunk whose DTMF is INFO, by the Call-ID rtpengine knows them by. */
    private final Map<String, SipApplicationSession> calls = new ConcurrentHashMap<>();
    private DtmfEventListener events;

    DtmfRelay(CallMedia media, TimerService timers) {
        this.media = media;
        this.timers = timers;
    }

    /** Starts taking rtpengine's reports at {@code address}; without them only keys toward the operator are lost. */
    void listen(InetSocketAddress address) {
        try {
            events = DtmfEventListener.listen(address, this::reported);
        } catch (IOException e) {
            LOG.warning("DTMF events from rtpengine not received (" + RtpengineSettings.DTMF_EVENTS + "): "
                    + e.getMessage());
        }
    }

    /** A call whose media is anchored begins; those on an INFO trunk are watched for keys from Teams. */
    void started(Call call) {
        if (call.dtmfInfo) {
            calls.put(call.callerInvite.getCallId(), call.callerInvite.getApplicationSession());
        }
    }

    void ended(Call call) {
        calls.remove(call.callerInvite.getCallId());
    }

    /**
     * An INFO in a call: when it is DTMF from an INFO trunk, the key goes into the media toward Teams and the INFO
     * is answered here. Returns false for any other INFO, which passes through the linked leg.
     */
    boolean fromOperator(Call call, SipServletRequest info) throws IOException {
        boolean fromCaller = info.getSession().getId().equals(call.caller().getId());
        if (!media.takesDtmfInfo(call, fromCaller)) {
            return false;
        }
        Optional<DtmfInfo.Digit> digit = DtmfInfo.of(info.getContentType(),
                info.getContentLength() > 0 ? SipValues.content(info) : null);
        if (digit.isEmpty()) {
            return false;
        }
        try {
            media.playDtmf(call, fromCaller, digit.get());
            info.createResponse(200).send();
        } catch (RtpengineException e) {
            LOG.warning(() -> "DTMF of " + call.callerInvite.getCallId() + " not played: " + e.getMessage());
            info.createResponse(500, "Server Internal Error (DTMF not passed on)").send();
        }
        return true;
    }

    /** On the call's queue: a key from Teams on an answered call goes to the operator as INFO. */
    void toOperator(Call call, Key key) {
        SipSession operator = CallMedia.operatorLeg(call);
        if (call.ended() || call.answered == null || !key.sourceTag().equals(CallMedia.microsoftTag(call))
                || operator == null || operator.getState() != SipSession.State.CONFIRMED) {
            return;
        }
        try {
            SipServletRequest info = operator.createRequest("INFO");
            info.setContent("Signal=" + key.key() + "\r\nDuration=" + key.durationMs() + "\r\n",
                    "application/dtmf-relay");
            info.send();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "DTMF INFO not sent in " + call.callerInvite.getCallId(), e);
        }
    }

    private void reported(DtmfEvent event) {
        SipApplicationSession app = calls.get(event.callId());
        if (app != null && app.isValid()) {
            timers.createTimer(app, 0, false, new Key(event.sourceTag(), event.key(), event.durationMs()));
        }
    }

    @Override
    public void close() {
        if (events != null) {
            events.close();
        }
    }
}
