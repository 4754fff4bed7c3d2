package org.opencg.sip.container.message;

/** A URI of a scheme other than sip, sips and tel (e.g. {@code urn:service:sos}). */
final class GenericUriImpl extends UriImpl {

    private final javax.sip.address.URI uri;

    GenericUriImpl(javax.sip.address.URI uri) {
        this.uri = uri;
    }

    @Override
    javax.sip.address.URI jain() {
        return uri;
    }

    @Override
    public GenericUriImpl clone() {
        return new GenericUriImpl((javax.sip.address.URI) uri.clone());
    }
}
