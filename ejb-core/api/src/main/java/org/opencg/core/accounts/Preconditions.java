package org.opencg.core.accounts;

import org.opencg.core.accounts.ProvisioningException.Kind;

/** RFC 9110 §13.1.1-2 for any versioned resource: If-Match needs it at that tag, If-None-Match: * needs it absent. */
public final class Preconditions {

    private Preconditions() {
    }

    /** {@code version} is null when the resource does not exist; {@code what} names it in the message. */
    public static void check(String what, Long version, String ifMatch, String ifNoneMatch) {
        String etag = version == null ? null : AccountRules.etag(version);
        if (ifMatch != null && (etag == null || !AccountRules.etagMatches(ifMatch, etag))) {
            throw new ProvisioningException(Kind.PRECONDITION_FAILED, "PreconditionFailed",
                    "If-Match " + ifMatch + " does not match the " + what + "'s ETag " + etag, "If-Match");
        }
        if (ifNoneMatch != null && etag != null && AccountRules.etagMatches(ifNoneMatch, etag)) {
            throw new ProvisioningException(Kind.PRECONDITION_FAILED, "PreconditionFailed",
                    "If-None-Match " + ifNoneMatch + " matches the existing " + what, "If-None-Match");
        }
    }
}
