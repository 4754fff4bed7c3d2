package org.opencg.sip.container.core;

import java.lang.reflect.Field;

import javax.sip.Dialog;

import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * Cancels the guard JAIN-SIP leaves on every answered INVITE the gateway sent. On each 2xx it schedules a task that
 * deletes the dialog if no ACK follows within 64·T1 (its EventScanner, {@code SIPDialog.doDeferredDeleteIfNoAckSent},
 * after RFC 3261 §13.2.2.4), and it never cancels that task: the timer queue held every answered call's dialog, with
 * its copy of the ACK, for 32 s after the 2xx however early the call ended (28,700 dialogs at 1,100 calls/s of 1.5 s
 * calls, all of them promoted to the old generation). When the session ends the guard has nothing left to do (the
 * dialog is being deleted anyway), so cancelling it changes no behaviour and lets the dialog go after JAIN-SIP's
 * linger.
 */
final class AckGuard {

    private static final Field TASK = field();

    private AckGuard() {
    }

    /** Removes the dialog's guard from the stack's timer, if it has one. */
    static void cancel(Dialog dialog) {
        if (!(dialog instanceof SIPDialog sipDialog)) {
            return;
        }
        // The guard is set under the dialog's lock (doDeferredDeleteIfNoAckSent is synchronized).
        synchronized (sipDialog) {
            SIPStackTimerTask task;
            try {
                task = (SIPStackTimerTask) TASK.get(sipDialog);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            if (task != null) {
                ((SIPTransactionStack) sipDialog.getSipProvider().getSipStack()).getTimer().cancel(task);
            }
        }
    }

    private static Field field() {
        try {
            Field task = SIPDialog.class.getDeclaredField("dialogDeleteIfNoAckSentTask");
            task.setAccessible(true);
            return task;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach JAIN-SIP's dialog guard for unacknowledged 2xx", e);
        }
    }
}
