package org.opencg.web.portal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.opencg.core.numbers.NumberCsv;
import org.opencg.core.numbers.NumberDetails;
import org.opencg.core.numbers.NumberService;
import org.opencg.core.numbers.Service;
import org.opencg.core.numbers.TeamsNumber;

/**
 * One CSV upload: rows the file itself spoils (no number, an unknown service) are refused here; the others go to
 * {@link NumberService#importNumbers}, which checks them as the API would. The result file has one line per row
 * ({@code Row,Numbers,Outcome,Reason}), in the file's order.
 */
final class NumberImport {

    /** The per-row result file. */
    record Result(String csv) {
    }

    private NumberImport() {
    }

    static Result run(NumberService numbers, String account, List<NumberCsv.Row> rows, boolean allOrNothing) {
        boolean spoiled = rows.stream().anyMatch(r -> r.problem() != null);
        List<NumberService.NumberEntry> entries = new ArrayList<>();
        for (NumberCsv.Row row : rows) {
            if (row.problem() == null) {
                entries.add(new NumberService.NumberEntry(row.telephoneNumber(), details(account, row)));
            }
        }
        // All or nothing with a row the file spoiled: nothing is even tried.
        List<NumberService.ImportResult> checked = allOrNothing && spoiled || entries.isEmpty() ? List.of()
                : numbers.importNumbers(account, entries, allOrNothing);
        Iterator<NumberService.ImportResult> results = checked.iterator();
        StringBuilder csv = new StringBuilder(NumberCsv.line("Row", "Numbers", "Outcome", "Reason"));
        for (NumberCsv.Row row : rows) {
            String outcome;
            String reason;
            if (row.problem() != null) {
                outcome = "refused";
                reason = row.problem();
            } else if (!results.hasNext()) {
                outcome = "notSaved";
                reason = "not saved: another row was refused and the file was all or nothing";
            } else {
                NumberService.ImportResult result = results.next();
                outcome = result.outcome();
                reason = result.reason();
            }
            csv.append(NumberCsv.line(String.valueOf(row.row()), row.telephoneNumber(), outcome, reason));
        }
        return new Result(csv.toString());
    }

    /** "3 created, 1 refused" from a result file. */
    static String summary(String resultCsv) {
        Map<String, Integer> counts = new TreeMap<>();
        resultCsv.lines().skip(1).forEach(line -> {
            String[] cells = line.split(",", 4);
            if (cells.length > 2) {
                counts.merge(cells[2], 1, Integer::sum);
            }
        });
        List<String> parts = new ArrayList<>();
        counts.forEach((outcome, n) -> parts.add(n + " " + outcome));
        return parts.isEmpty() ? "no rows" : String.join(", ", parts);
    }

    private static NumberDetails details(String account, NumberCsv.Row row) {
        return new NumberDetails(account,
                row.services().contains(Service.OPERATOR_CONNECT) ? new TeamsNumber(true, null, null) : null,
                row.services().contains(Service.DIRECT_ROUTING) ? Boolean.TRUE : null,
                row.services().contains(Service.PHONE_MOBILE) ? new TeamsNumber(true, null, null) : null,
                row.services().contains(Service.ZOOM) ? Boolean.TRUE : null,
                row.services().contains(Service.CALL_PROTECTION) ? Boolean.TRUE : null, row.customHeader());
    }
}
