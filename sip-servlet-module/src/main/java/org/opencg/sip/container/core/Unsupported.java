package org.opencg.sip.container.core;

/**
 * What the container does not implement of JSR 289 fails loudly, naming the method, so that a servlet never
 * silently gets a wrong answer. The conformance table in sip-servlet-module/README.md lists what is supported.
 */
final class Unsupported {

    private Unsupported() {
    }

    static UnsupportedOperationException method(String type, String method) {
        return new UnsupportedOperationException(type + "." + method
                + " is not supported by the OpenCG SIP container (see sip-servlet-module/README.md)");
    }
}
