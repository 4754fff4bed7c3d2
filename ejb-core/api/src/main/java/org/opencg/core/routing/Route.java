package org.opencg.core.routing;

/** A number's route: the number and its account, as one look-up returns them. */
public record Route(NumberRoute number, AccountRoute account) {
}
