package org.opencg.sip.container.core;

/**
 * OpenCG's extension to JSR 289 for applications that limit their calls (admission control): while the application
 * has closed the gate, a new INVITE that arrives over UDP is answered 503 with the given reason and Retry-After by
 * the container's receiver, before it is parsed, so that refusing a call costs little more than reading it
 * ({@link EarlyShedding}). INVITEs to the {@link PriorityCalls} dial strings still reach the application, and so
 * does everything on TCP and TLS (the application refuses those itself). Found in the ServletContext under
 * {@link #ATTRIBUTE}.
 */
public interface NewCallGate {

    String ATTRIBUTE = "org.opencg.sip.NewCallGate";

    /** From now on new INVITEs get {@code 503 <reasonPhrase>}; a null reason opens the gate again. */
    void close(String reasonPhrase);

    /** New calls refused at the gate since the container started. */
    long refusedAtGate();
}
