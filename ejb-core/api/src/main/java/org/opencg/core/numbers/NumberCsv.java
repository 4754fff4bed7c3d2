package org.opencg.core.numbers;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The portal's number files (RFC 4180 CSV): a header with {@code Numbers} and, optionally, {@code Services} (the
 * API's service names, separated by ';', e.g. {@code teamsOperatorConnect;teamsDirectRouting}) and
 * {@code CustomHeader}; one number per row, at most {@link #MAX_ROWS}. Rows without a Services value take the
 * services chosen for the upload. Pure: a row that cannot be read is a row with a problem, never an exception.
 */
public final class NumberCsv {

    /** A cell that is only a number, signed or not: no formula, whatever its first character. */
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    public static final int MAX_ROWS = 10_000;

    /** One data row (numbered from 1, the header not counted): what it asks for, or why it cannot be read. */
    public record Row(int row, String telephoneNumber, Set<Service> services, String customHeader, String problem) {
    }

    /** The file's rows, or the problem that makes the whole file unreadable. */
    public record Parsed(List<Row> rows, String problem) {
    }

    private NumberCsv() {
    }

    public static Parsed parse(String text, Set<Service> defaultServices) {
        List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty()) {
            return new Parsed(List.of(), "the file is empty: its first line must be the header Numbers");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        Integer numbers = columns.get("numbers");
        if (numbers == null) {
            return new Parsed(List.of(), "the header has no Numbers column (found: " + String.join(", ", header) + ")");
        }
        if (records.size() - 1 > MAX_ROWS) {
            return new Parsed(List.of(), "the file has " + (records.size() - 1) + " rows; at most " + MAX_ROWS);
        }
        Integer servicesColumn = columns.get("services");
        Integer headerColumn = columns.get("customheader");
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            String number = cell(record, numbers);
            String servicesText = servicesColumn == null ? null : cell(record, servicesColumn);
            String custom = headerColumn == null ? null : cell(record, headerColumn);
            Set<Service> services = EnumSet.noneOf(Service.class);
            String problem = null;
            if (servicesText == null || servicesText.isBlank()) {
                services.addAll(defaultServices);
            } else {
                for (String name : servicesText.split("[;|]")) {
                    Service service = byProperty(name.strip());
                    if (service == null) {
                        problem = "unknown service '" + name.strip() + "'";
                    } else {
                        services.add(service);
                    }
                }
            }
            rows.add(new Row(r, number, Set.copyOf(services), custom == null || custom.isBlank() ? null : custom,
                    number == null || number.isBlank() ? "no number in the Numbers column" : problem));
        }
        return new Parsed(rows, null);
    }

    /**
     * A CSV line for the result or export files: quoted where RFC 4180 needs it, and every cell a spreadsheet would
     * run as a formula ({@code = + - @}, tab or carriage return first) made text with a leading {@code '} (OWASP's
     * CSV injection advice), since audit entries and reasons carry what strangers typed. A plain number such as an
     * E.164 {@code +4420...} is left as it is: it computes nothing, and the file must read back in.
     */
    public static String line(String... cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = neutralised(cells[i] == null ? "" : cells[i]);
            if (i > 0) {
                out.append(',');
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        return out.append("\r\n").toString();
    }

    static String neutralised(String cell) {
        if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    private static Service byProperty(String name) {
        for (Service service : Service.values()) {
            if (service.property().equalsIgnoreCase(name)) {
                return service;
            }
        }
        return null;
    }

    private static String cell(List<String> record, int column) {
        return column < record.size() ? record.get(column).strip() : null;
    }

    /** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks; blank lines are skipped. */
    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, record, field);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        endRecord(records, record, field);
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> record, StringBuilder field) {
        record.add(field.toString());
        field.setLength(0);
        if (!(record.size() == 1 && record.get(0).isBlank())) {
            records.add(record);
        }
    }
}
