package org.opencg.sip.sbc;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.sip.SipSession;

import org.opencg.sip.container.core.DialogId;

/**
 * The answered calls between Teams and the operator's network, by the dialog the gateway has with Teams: an attended
 * transfer by a Teams user (REFER whose Refer-To carries Replaces, acg-behaviour.md §3.8) names the consultation
 * call by that dialog, and its target in the operator's network knows the call only by the gateway's dialog with it.
 * Each call writes its own entry on its own queue; a transfer in another call reads it: entries are immutable.
 */
final class CallDirectory {

    /** One call's two dialogs. */
    private record Entry(DialogId teams, DialogId operator) {
    }

    private final Map<String, Entry> byTeamsCallId = new ConcurrentHashMap<>();

    /** Lists the call by its current legs (once answered, and again when a transfer or replacement changes one). */
    void list(Call call) {
        forget(call);
        SipSession teams = CallMedia.microsoftLeg(call);
        SipSession operator = teams == null ? null : CallMedia.operatorLeg(call);
        DialogId teamsDialog = teams == null ? null : DialogId.of(teams);
        DialogId operatorDialog = operator == null ? null : DialogId.of(operator);
        if (teamsDialog != null && operatorDialog != null) {
            byTeamsCallId.put(teamsDialog.callId(), new Entry(teamsDialog, operatorDialog));
            call.listedAs = teamsDialog.callId();
        }
    }

    void forget(Call call) {
        if (call.listedAs != null) {
            byTeamsCallId.remove(call.listedAs);
            call.listedAs = null;
        }
    }

    /** The operator-side dialog of the call whose Teams-side dialog the value names (as the gateway's side of it). */
    Optional<DialogId> operatorDialogOf(ReplacesValue teamsDialog) {
        Entry entry = byTeamsCallId.get(teamsDialog.callId());
        return entry != null && teamsDialog.names(entry.teams()) ? Optional.of(entry.operator()) : Optional.empty();
    }
}
