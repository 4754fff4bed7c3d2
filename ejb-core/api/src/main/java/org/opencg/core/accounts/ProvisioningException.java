package org.opencg.core.accounts;

/**
 * A request the provisioning rules refuse, with the kind of refusal (what HTTP status a face maps it to), an
 * Azure-style error code, and the field or resource it is about. Nothing has been changed when it is thrown: it
 * leaves an EJB as itself and rolls the transaction back.
 */
@jakarta.ejb.ApplicationException(rollback = true)
public class ProvisioningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What a face answers: 400, 404, 409, 412, and 502/503 when a backend (Teams) refused or did not answer. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, PRECONDITION_FAILED, BACKEND_REFUSED, BACKEND_UNAVAILABLE }

    private final Kind kind;
    private final String code;
    private final String target;

    public ProvisioningException(Kind kind, String code, String message, String target) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.target = target;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String target() {
        return target;
    }
}
