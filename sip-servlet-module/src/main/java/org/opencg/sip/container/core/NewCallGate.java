package org.opencg.sip.container.core;

/**
 * OpenCG's extension to JSR 289 for applications that limit their calls (admission control): while the application
 * has closed the gate, the container answers a new INVITE itself, 503 with the given reason and Retry-After, before
 * it makes a transaction, sessions or a servlet call for it, so that refusing a call costs little more than reading
 * it. INVITEs to the {@link PriorityCalls} dial strings still reach the application. Found in the ServletContext
 * under {@link #ATTRIBUTE}.
 */
public interface NewCallGate {

    String ATTRIBUTE = "org.opencg.sip.NewCallGate";

    /** From now on new INVITEs get {@code 503 <reasonPhrase>}; a null reason opens the gate again. */
    void close(String reasonPhrase);

    /** New calls refused at the gate since the container started. */
    long refusedAtGate();
}
