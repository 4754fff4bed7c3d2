package org.opencg.core.testlines;

/** A test line as the faces show it: its name, its E.164 number and its purpose ({@code Manual} or {@code Automated}). */
public record TestLineView(String name, String phoneNumber, String purpose) {
}
