package org.opencg.web.portal;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.testlines.TestCallResult;
import org.opencg.core.testlines.TestCallService;
import org.opencg.core.testlines.TestLineRules;
import org.opencg.core.testlines.TestLineService;
import org.opencg.core.testlines.TestLineView;

/**
 * The deployment's test lines: the list, a form to add or change one (every wrong field marked at once, by the same
 * rules as the API's), and removal. Writers change them; everyone signed in reads them.
 */
@Named
@ViewScoped
public class TestLinesPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "testLineForm:";

    @EJB(lookup = TestLineService.JNDI)
    transient TestLineService lines;

    @EJB(lookup = TestCallService.JNDI)
    transient TestCallService calls;

    @Inject
    PortalSession session;

    private String name;
    private String phoneNumber;
    private String purpose;

    public List<TestLineView> getLines() {
        return lines.list();
    }

    public void save() {
        if (!session.allowed("WriteUser")) {
            return;
        }
        List<String[]> problems = TestLineRules.problems(name, phoneNumber, purpose);
        if (!problems.isEmpty()) {
            problems.forEach(p -> Messages.refused(field(p[0]), sentence(p[1])));
            return;
        }
        try {
            TestLineService.Saved saved = lines.createOrReplace(name, phoneNumber, purpose);
            Messages.info("Test line " + name + (saved.created() ? " added" : " changed") + ": " + phoneNumber + ", "
                    + purpose.toLowerCase(java.util.Locale.ROOT) + ".");
            name = null;
            phoneNumber = null;
            purpose = null;
        } catch (ProvisioningException e) {
            Messages.refused(field(e.target()), sentence(e.getMessage()));
        }
    }

    public void edit(TestLineView line) {
        name = line.name();
        phoneNumber = line.phoneNumber();
        purpose = line.purpose();
    }

    public void remove(TestLineView line) {
        if (!session.allowed("WriteUser")) {
            return;
        }
        try {
            lines.delete(line.name());
            Messages.info("Test line " + line.name() + " removed.");
        } catch (ProvisioningException e) {
            Messages.error(sentence(e.getMessage()));
        }
    }

    /** The last synthetic test calls, newest first. */
    public List<TestCallResult> getRecentCalls() {
        return calls.recent(20);
    }

    /** Asks the runner for a round of test calls now. */
    public void runCalls() {
        if (!session.allowed("WriteUser")) {
            return;
        }
        calls.requestRun();
        Messages.info("Test calls asked for: each Automated line calls the next within a few seconds. Reload the page "
                + "to see the results.");
    }

    /** A result's time for people: date and time to the second, UTC. */
    public String when(TestCallResult result) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                .withZone(java.time.ZoneOffset.UTC).format(result.startedAt());
    }

    private static String field(String target) {
        if (target == null) {
            return null;
        }
        return target.endsWith("phoneNumber") ? FORM + "phoneNumber" : target.endsWith("purpose") ? FORM + "purpose"
                : target.equals("name") ? FORM + "name" : null;
    }

    /** A rule's words as a sentence for people: capital first, full stop last. */
    private static String sentence(String text) {
        String s = text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }

    public List<String> getPurposes() { return TestLineRules.PURPOSES; }
    public String getName() { return name; }
    public void setName(String v) { name = v == null ? null : v.strip(); }
    public String getPhoneNumber() { return phoneNumber; }
    public void setPhoneNumber(String v) { phoneNumber = v == null ? null : v.strip(); }
    public String getPurpose() { return purpose; }
    public void setPurpose(String v) { purpose = v; }
}
