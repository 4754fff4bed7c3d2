package org.opencg.core.numbers;

/**
 * What a list of numbers is sorted by (the portal's sortable columns); ties, and every order's last word, go by the
 * number itself, so pages of one sorted list never overlap.
 */
public enum NumberOrder {
    NUMBER, ACCOUNT, SYNC_STATUS
}
