package org.opencg.core.numbers;

import org.opencg.core.accounts.AccountDetails;

/**
 * Which numbers the flow-through sync tells the Operator Connect API about: those with Operator Connect or Teams
 * Phone Mobile on, in an account that has {@code syncEnabled} for that service (acg-behaviour.md §1.5).
 */
public final class SyncRules {

    private SyncRules() {
    }

    /**
     * An account waits for the Operator Connect API when it has Operator Connect or Teams Phone Mobile synced
     * (that API serves both); Direct Routing and Zoom have no backend API to push to.
     */
    public static boolean needsSync(AccountDetails account) {
        return account.operatorConnect() != null && account.operatorConnect().syncEnabled()
                || account.phoneMobile() != null && account.phoneMobile().syncEnabled();
    }

    public static boolean needsSync(NumberDetails number, AccountDetails account) {
        return number.operatorConnectEnabled() && account.operatorConnect() != null
                && account.operatorConnect().syncEnabled()
                || number.phoneMobileEnabled() && account.phoneMobile() != null && account.phoneMobile().syncEnabled();
    }
}
