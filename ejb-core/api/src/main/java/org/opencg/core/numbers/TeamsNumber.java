package org.opencg.core.numbers;

/**
 * A number's Operator Connect or Teams Phone Mobile service: on or off, whether it is assigned to a user in Teams
 * ({@code assigned} / {@code unassigned}, or null when not said) and its Teams configuration (may be null).
 */
public record TeamsNumber(boolean enabled, String assignmentStatus, TeamsNumberConfig configuration) {
}
