package org.opencg.core.sync;

/**
 * The Operator Connect API did not do what was asked: {@code retryable} when trying later may help (no answer,
 * timeout, 429, 5xx), otherwise the request itself was refused (4xx) and {@code code}/{@code message} say why, as
 * they become the resource's {@code serviceProvisioningErrors}.
 */
public class OperatorConnectException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final boolean retryable;

    public OperatorConnectException(int status, String code, String message, boolean retryable) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryable = retryable;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    /** Whether an answer of this status is worth asking again for later. */
    public static boolean retryable(int status) {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }
}
