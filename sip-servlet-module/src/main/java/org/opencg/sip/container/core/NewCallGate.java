package org.opencg.sip.container.core;

/**
 * OpenCG's extension to JSR 289 for applications that limit their calls (admission control): the application says
 * its limit and, as it changes, how many calls it has; while those fill the limit, a new INVITE that arrives over UDP
 * is answered 503 with the given reason and Retry-After by the container's receiver, before it is parsed, so that
 * refusing a call costs little more than reading it ({@link EarlyShedding}). INVITEs to the {@link PriorityCalls}
 * dial strings still reach the application, and so does everything on TCP and TLS (the application refuses those
 * itself). Found in the ServletContext under {@link #ATTRIBUTE}.
 */
public interface NewCallGate {

    String ATTRIBUTE = "org.opencg.sip.NewCallGate";

    /** The most calls the application takes at once, and the reason phrase of the 503 past them; 0: no limit. */
    void limitCalls(int ceiling, String reasonPhrase);

    /** How many calls the application has in progress now. */
    void callsInProgress(int calls);

    /** New calls refused at the gate since the container started. */
    long refusedAtGate();
}
