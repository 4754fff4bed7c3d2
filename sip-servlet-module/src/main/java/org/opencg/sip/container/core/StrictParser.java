package org.opencg.sip.container.core;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * JAIN-SIP's parser is liberal where RFC 3261 is not; this one refuses, before JAIN-SIP parses, what RFC 4475
 * marks invalid yet JAIN-SIP would accept: a single-valued header (From, To, Call-ID, CSeq, Max-Forwards,
 * Content-Length) more than once (RFC 3261 §20, §7.3.1; JAIN-SIP keeps one and sets up the call), a Max-Forwards or
 * Content-Length that is no plain number, a folded line of white space only, white space inside the angle brackets
 * of a name-addr (RFC 4475 §3.1.2.8, RFC 3261 §25.1 LAQUOT/RAQUOT), and
 * an unquoted display name in From or To holding separators such as a comma (RFC 4475 §3.1.2.7: display-name is
 * tokens or a quoted-string, RFC 3261 §25.1). Bytes above 127 in an unquoted name are let through: phones that send
 * unquoted UTF-8 names are common and the name is never routed on.
 * A refused request is answered 400 by the stack where a response can be built. It also keeps a request's SIP
 * version, which JAIN-SIP's parser replaces with SIP/2.0, so that the stack's message channels, which check it,
 * answer 505 to any other (RFC 3261 §21.5.7, RFC 4475 §3.1.2.15).
 */
public final class StrictParser implements MessageParser {

    private static final Pattern ADDRESS_HEADER = Pattern.compile(
            "^(from|f|to|t|contact|m|route|record-route|reply-to|refer-to|r|referred-by|b|p-asserted-identity)\\s*:.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACE_IN_BRACKETS = Pattern.compile("<\\s|\\s>");
    /** RFC 3261 §25.1's separators but white space and '<', which an unquoted display name may not hold. */
    private static final String SEPARATORS = "()>@,;:\\\"/[]?={}";

    private final MessageParser delegate = new StringMsgParser();

    /** Registered with JAIN-SIP through {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}. */
    public static final class Factory implements MessageParserFactory {
        @Override
        public MessageParser createMessageParser(SIPTransactionStack stack) {
            return new StrictParser();
        }
    }

    @Override
    public SIPMessage parseSIPMessage(byte[] message, boolean readBody, boolean strict, ParseExceptionListener listener)
            throws ParseException {
        Optional<String> problem = problem(message);
        if (problem.isPresent()) {
            throw new ParseException(problem.get(), 0);
        }
        SIPMessage parsed = delegate.parseSIPMessage(message, readBody, strict, listener);
        if (parsed instanceof SIPRequest request) {
            String version = versionOtherThanSip20(message);
            if (version != null) {
                request.getRequestLine().setSipVersion(version);
            }
        }
        return parsed;
    }

    /**
     * The last word of the request line, its SIP-Version (RFC 3261 §7.1, trailing white space ignored), or null when
     * it is SIP/2.0: the usual request costs no String.
     */
    static String versionOtherThanSip20(byte[] message) {
        int end = 0;
        while (end < message.length && message[end] != '\r' && message[end] != '\n') {
            end++;
        }
        while (end > 0 && (message[end - 1] == ' ' || message[end - 1] == '\t')) {
            end--;
        }
        int start = end;
        while (start > 0 && message[start - 1] != ' ' && message[start - 1] != '\t') {
            start--;
        }
        return end - start == 7 && startsWithIgnoreCase(message, start, "sip/2.0") ? null
                : new String(message, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /**
     * What makes the message invalid for the rules above, or empty. Looks at the header part only. Every received
     * message passes here, so a scan over the bytes clears the usual message without building any String.
     */
    public static Optional<String> problem(byte[] message) {
        return mayBeInvalid(message) ? problemInText(message) : Optional.empty();
    }

    /** The headers RFC 3261 §20 allows once, by the index {@link #singleValued} gives them. */
    private static final String[] SINGLE = {"From", "To", "Call-ID", "CSeq", "Max-Forwards", "Content-Length"};
    private static final int MAX_FORWARDS = 4;
    private static final int CONTENT_LENGTH = 5;

    /**
     * False when the head has each single-valued header at most once, Max-Forwards and Content-Length as plain
     * numbers, no folded line of white space only, no white space next to '<' or '>' and no From or To with
     * separators in an unquoted display name.
     */
    private static boolean mayBeInvalid(byte[] message) {
        int[] seen = new int[SINGLE.length];
        boolean lineStart = false;
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (b == '\n') {
                if (lineStart) {
                    return false; // empty line: end of the head
                }
                lineStart = true;
                continue;
            }
            if (b == '\r') {
                continue;
            }
            if (lineStart) {
                if ((b == ' ' || b == '\t') && blankToLineEnd(message, i)) {
                    return true; // a folded line of white space only (RFC 3261 §7.3.1: LWS continues a value)
                }
                int single = singleValued(message, i);
                if (single >= 0 && (++seen[single] > 1
                        || (single == MAX_FORWARDS || single == CONTENT_LENGTH) && !numberValue(message, i))) {
                    return true;
                }
                if ((b == 'f' || b == 'F' || b == 't' || b == 'T') && unquotedNameHasSeparator(message, i)) {
                    return true;
                }
            }
            lineStart = false;
            boolean space = b == ' ' || b == '\t';
            if (b == '<' && i + 1 < message.length && (message[i + 1] == ' ' || message[i + 1] == '\t')
                    || space && i + 1 < message.length && message[i + 1] == '>') {
                return true;
            }
        }
        return false;
    }

    /** Which of {@link #SINGLE} the header line starting at {@code from} is (full or compact name), else -1. */
    static int singleValued(byte[] message, int from) {
        int end = from;
        while (end < message.length && message[end] != ':' && message[end] != '\n') {
            end++;
        }
        if (end >= message.length || message[end] != ':') {
            return -1;
        }
        while (end > from && (message[end - 1] == ' ' || message[end - 1] == '\t')) {
            end--;
        }
        return switch (end - from) {
            case 1 -> switch (Character.toLowerCase((char) message[from])) {
                case 'f' -> 0;
                case 't' -> 1;
                case 'i' -> 2;
                case 'l' -> CONTENT_LENGTH;
                default -> -1;
            };
            case 2 -> startsWithIgnoreCase(message, from, "to") ? 1 : -1;
            case 4 -> startsWithIgnoreCase(message, from, "from") ? 0 : startsWithIgnoreCase(message, from, "cseq") ? 3 : -1;
            case 7 -> startsWithIgnoreCase(message, from, "call-id") ? 2 : -1;
            case 12 -> startsWithIgnoreCase(message, from, "max-forwards") ? MAX_FORWARDS : -1;
            case 14 -> startsWithIgnoreCase(message, from, "content-length") ? CONTENT_LENGTH : -1;
            default -> -1;
        };
    }

    /** Whether the value of the header line starting at {@code from} is digits only (white space around it). */
    private static boolean numberValue(byte[] message, int from) {
        int i = from;
        while (message[i] != ':') {
            i++;
        }
        i++;
        while (i < message.length && (message[i] == ' ' || message[i] == '\t')) {
            i++;
        }
        int digits = 0;
        for (; i < message.length && message[i] >= '0' && message[i] <= '9'; i++) {
            digits++;
        }
        while (i < message.length && (message[i] == ' ' || message[i] == '\t')) {
            i++;
        }
        return digits > 0 && digits <= 10 && (i >= message.length || message[i] == '\r' || message[i] == '\n');
    }

    private static boolean blankToLineEnd(byte[] message, int from) {
        for (int i = from; i < message.length && message[i] != '\n'; i++) {
            if (message[i] != ' ' && message[i] != '\t' && message[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the header line starting at {@code from} is a From or To whose display name is unquoted and holds a
     * separator (RFC 3261 §25.1: display-name = *(token LWS) / quoted-string). A value without '<' is an addr-spec
     * and has no display name.
     */
    static boolean unquotedNameHasSeparator(byte[] message, int from) {
        int colon = from;
        while (colon < message.length && message[colon] != ':' && message[colon] != '\n') {
            colon++;
        }
        if (colon >= message.length || message[colon] != ':' || !isFromOrTo(message, from, colon)) {
            return false;
        }
        int i = colon + 1;
        while (i < message.length && (message[i] == ' ' || message[i] == '\t')) {
            i++;
        }
        if (i < message.length && message[i] == '"') {
            return false; // a quoted-string may hold anything
        }
        boolean separator = false;
        for (; i < message.length && message[i] != '\r' && message[i] != '\n'; i++) {
            byte b = message[i];
            if (b == '<') {
                return separator;
            }
            separator |= SEPARATORS.indexOf(b) >= 0;
        }
        return false;
    }

    private static boolean isFromOrTo(byte[] message, int from, int colon) {
        int end = colon;
        while (end > from && (message[end - 1] == ' ' || message[end - 1] == '\t')) {
            end--;
        }
        // Byte by byte: every received message has a From and a To, and this runs before the message is parsed.
        return switch (end - from) {
            case 1 -> "fFtT".indexOf(message[from]) >= 0;
            case 2 -> startsWithIgnoreCase(message, from, "to");
            case 4 -> startsWithIgnoreCase(message, from, "from");
            default -> false;
        };
    }

    private static boolean startsWithIgnoreCase(byte[] message, int from, String prefix) {
        if (from + prefix.length() > message.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase((char) message[from + i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> problemInText(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        int[] seen = new int[SINGLE.length];
        String[] lines = head.split("\r\n");
        int offset = lines[0].length() + 2;
        for (int i = 1; i < lines.length; offset += lines[i].length() + 2, i++) {
            String line = lines[i];
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT) : "";
            if (!line.isEmpty() && line.isBlank()) {
                return Optional.of("a folded line holds only white space");
            }
            int single = singleValued(message, offset);
            if (single >= 0 && ++seen[single] > 1) {
                return Optional.of("more than one " + SINGLE[single]);
            }
            if ((single == MAX_FORWARDS || single == CONTENT_LENGTH) && !numberValue(message, offset)) {
                return Optional.of(SINGLE[single] + " is not a number");
            }
            if (unquotedNameHasSeparator(line.getBytes(StandardCharsets.ISO_8859_1), 0)) {
                return Optional.of("unquoted display name with separators in " + name);
            }
            // Cheap test first: this runs for every message received.
            if (mayHaveSpaceInBrackets(line) && ADDRESS_HEADER.matcher(line).matches()
                    && SPACE_IN_BRACKETS.matcher(withoutQuoted(line)).find()) {
                return Optional.of("white space inside <> in " + name);
            }
        }
        return Optional.empty();
    }

    private static boolean mayHaveSpaceInBrackets(String line) {
        for (int i = line.indexOf('<'); i >= 0 && i + 1 < line.length(); i = line.indexOf('<', i + 1)) {
            if (Character.isWhitespace(line.charAt(i + 1))) {
                return true;
            }
        }
        for (int i = line.indexOf('>'); i > 0; i = line.indexOf('>', i + 1)) {
            if (Character.isWhitespace(line.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The line with quoted strings (display names) blanked, since they may contain anything. A loop, not a regular
     * expression: Java's regex recurses per character of a repeated group, and a long quoted string overflowed the
     * stack (found by SipInputFuzzTest).
     */
    static String withoutQuoted(String line) {
        StringBuilder out = new StringBuilder(line.length());
        int open = -1; // where the quoted string being read began, in line and in out
        int openOut = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (open < 0) {
                out.append(c);
                if (c == '"') {
                    open = i;
                    openOut = out.length();
                }
            } else if (c == '\\' && i + 1 < line.length()) {
                i++; // a quoted pair (RFC 3261 §25.1) stays inside the string
            } else if (c == '"') {
                out.append(c);
                open = -1;
            }
        }
        if (open >= 0) { // a quote never closed is no quoted string: the rest stays as it was
            out.setLength(openOut);
            out.append(line, open + 1, line.length());
        }
        return out.toString();
    }
}
