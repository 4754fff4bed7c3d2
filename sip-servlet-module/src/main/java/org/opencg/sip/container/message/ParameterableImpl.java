package org.opencg.sip.container.message;


import javax.servlet.sip.ServletParseException;

/** A header value with parameters, e.g. {@code application/sdp;charset=utf-8} (JSR 289 §4.1.2). */
public final class ParameterableImpl extends HeaderParameters {

    private String value;

    ParameterableImpl(String value, Parameters parameters) {
        super(parameters);
        this.value = value;
    }

    public static ParameterableImpl parse(String text) throws ServletParseException {
        int quoted = 0;
        int semicolon = -1;
        for (int i = 0; i < text.length() && semicolon < 0; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted ^= 1;
            } else if (c == '<') {
                quoted |= 2;
            } else if (c == '>') {
                quoted &= 1;
            } else if (c == ';' && quoted == 0) {
                semicolon = i;
            }
        }
        try {
            return semicolon < 0
                    ? new ParameterableImpl(text.trim(), new Parameters())
                    : new ParameterableImpl(text.substring(0, semicolon).trim(), Parameters.parse(text.substring(semicolon)));
        } catch (IllegalArgumentException e) {
            throw new ServletParseException(e.getMessage());
        }
    }

    @Override
    public String getValue() {
        return value;
    }

    @Override
    public void setValue(String value) {
        this.value = value;
    }

    @Override
    public ParameterableImpl clone() {
        return new ParameterableImpl(value, parameters.clone());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterableImpl p && value.equals(p.value) && parameters.equals(p.parameters);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value + parameters;
    }
}
