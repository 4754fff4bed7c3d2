package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The Number Management Portal (issue 7) in a real browser (headless Chromium): sign-in with the first
 * administrator, accounts made and refused through the same rules as the API, users with roles, and a read-only
 * user who sees nothing to change and whose forged change is refused. Screenshots of each page are kept.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    private static String[] firstAdmin() throws Exception {
        return Files.readString(TestServer.BASE_DIR.resolve("data/opencg/first-admin-password")).trim().split(":");
    }

    @Test
    void anAdministratorSignsInCreatesAnAccountAndIsToldWhichFieldIsWrong() throws Exception {
        String[] admin = firstAdmin();
        String name = "portal-" + System.nanoTime() % 1_000_000;
        try (Browser browser = Browser.start()) {
            browser.open("/portal/accounts.xhtml");
            browser.visible(By.id("signIn:username"));
            assertTrue(browser.driver.getCurrentUrl().endsWith("/portal/login.xhtml"), "sent to sign in first");
            browser.screenshot("01-sign-in");
            browser.type("signIn:username", admin[0]);
            browser.type("signIn:password", "not-the-password");
            browser.click("signIn:signInButton");
            browser.sees("Wrong user name or password.");

            browser.signIn(admin[0], admin[1]);
            browser.sees("Gateway status");
            for (String part : new String[] {"database", "sip-listeners", "rtpengine"}) {
                assertTrue(browser.text().contains(part), part + " missing: " + browser.text());
            }
            browser.screenshot("02-status");
            browser.open("/portal/dashboard.xhtml");
            // The server samples the meters from its start (every second in tests): the chart opens with the time
            // before the page was opened, not a single point of its own.
            // PrimeFaces builds the Chart.js object after the page's scripts have loaded, not with the DOM.
            browser.until(d -> Boolean.TRUE.equals(browser.driver.executeScript(
                    "return !!(window.PF && PF('callsChart') && PF('callsChart').chart);")));
            Object history = browser.driver.executeScript("return PF('callsChart').chart.data.labels.length;");
            assertTrue(((Number) history).intValue() >= 3, "points drawn on opening: " + history);
            browser.sees("Active calls");
            browser.sees("Sync backlog");
            browser.until(d -> d.findElements(By.cssSelector("#dashboard canvas")).size() == 2);
            for (String peer : new String[] {"sip", "sip2", "sip3", "op1", "mob1"}) {
                assertTrue(browser.driver.findElements(By.xpath("//span[@class='peer-name' and text()='" + peer
                        + "']")).size() == 1, "peer " + peer + " listed: " + browser.text());
            }
            Thread.sleep(6000); // one poll: the figures and charts are redrawn from the meters
            assertEquals(2, browser.driver.findElements(By.cssSelector("#dashboard canvas")).size(), browser.text());
            browser.screenshot("02b-dashboard");
            browser.open("/portal/accounts.xhtml");
            browser.type("accountForm:name", name);
            browser.type("accountForm:teamsTenantId", "not-a-guid");
            browser.click("accountForm:save");
            browser.sees("teamsTenantId must be a GUID");
            // The message is beside the field it is about.
            assertTrue(browser.visible(By.id("accountForm:teamsTenantId")).getAttribute("class")
                    .contains("ui-state-error"), "the tenant field is marked");
            browser.screenshot("03-account-refused");
            browser.type("accountForm:teamsTenantId", "6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b");
            browser.click("accountForm:ocEnabled");
            browser.click("accountForm:save");
            browser.sees("Account " + name + " created.");
            browser.screenshot("04-account-created");
            assertTrue(browser.text().contains("6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b"), browser.text());

            var stranger = TestServer.get(TestServer.HTTP + "/portal/accounts.xhtml");
            assertTrue(stranger.statusCode() == 302 || stranger.body().contains("Sign in"),
                    "a client without a session is sent to sign in: " + stranger.statusCode());
            assertFalse(stranger.body().contains(name), "and sees no account");
            browser.signOut();
            browser.open("/portal/accounts.xhtml");
            browser.visible(By.id("signIn:username"));
        }
    }

    @Test
    void aReadOnlyUserSeesAccountsButNothingToChangeAndAForgedChangeIsRefused() throws Exception {
        String[] admin = firstAdmin();
        String reader = "reader" + System.nanoTime() % 1_000_000;
        String account = "kept-" + System.nanoTime() % 1_000_000;
        try (Browser browser = Browser.start()) {
            browser.signIn(admin[0], admin[1]);
            browser.open("/portal/accounts.xhtml");
            browser.type("accountForm:name", account);
            browser.click("accountForm:save");
            browser.sees("Account " + account + " created.");

            browser.open("/portal/users.xhtml");
            browser.type("userForm:username", reader);
            browser.type("userForm:password", "short");
            browser.driver.findElement(By.xpath("//label[text()='ReadUser']")).click();
            browser.click("userForm:create");
            browser.sees("password: at least 12 characters");
            browser.type("userForm:username", reader);
            browser.type("userForm:password", "read-only-password-1");
            browser.click("userForm:create");
            browser.sees("User " + reader + " added.");
            browser.screenshot("05-users");
            browser.signOut();

            browser.signIn(reader, "read-only-password-1");
            browser.open("/portal/accounts.xhtml");
            browser.type("accountList:namePart", account.toUpperCase());
            browser.click("accountList:applyFilter");
            browser.sees("1 accounts");
            browser.sees(account);
            browser.screenshot("06-accounts-read-only");
            assertTrue(browser.driver.findElements(By.id("accountList:newAccount")).isEmpty(), "no New account");
            assertTrue(browser.driver.findElements(By.id("accountForm")).isEmpty(), "no account form");
            assertTrue(browser.driver.findElements(By.cssSelector("button.delete, button.edit")).isEmpty(),
                    "no Edit or Delete");
            assertFalse(browser.text().contains("Users"), "no Users page in the menu");
            // A change the page does not offer, made by hand: JSF ignores a button it did not render, and the
            // action's own role check would refuse it. The account is still there, unchanged.
            browser.driver.executeScript("PrimeFaces.ab({s:'accountList:accounts:0:delete',f:'accountList',"
                    + "p:'@all',u:'@all'});");
            browser.open("/portal/users.xhtml");
            assertTrue(browser.driver.findElements(By.id("userList")).isEmpty()
                    && browser.driver.findElements(By.id("userForm")).isEmpty(), "no users page for a reader");
            browser.open("/portal/accounts.xhtml");
            browser.sees(account);
        }
        assertEquals(200, ProvisioningApi.get("/accounts/" + account).statusCode(), "the account was not deleted");
    }

    /**
     * Numbers: a CSV upload with good and bad rows, saved row by row, with the per-row result file; the same kind of
     * file all or nothing saves nothing; the lazy table filtered by prefix; a number changed in the form, and the
     * change in the audit trail under the portal user's name; the filtered view exported.
     */
    @Test
    void numbersComeFromACsvWithAResultPerRowAndAreFilteredChangedAndAudited() throws Exception {
        String[] admin = firstAdmin();
        String account = "nums-" + System.nanoTime() % 1_000_000;
        // A range (0113 49x) no other test provisions: the filter below must find this test's numbers only.
        String prefix = "+4411349" + (System.nanoTime() % 900 + 100);
        java.nio.file.Path csv = Files.createTempFile("numbers", ".csv");
        Files.writeString(csv, "Numbers,CustomHeader\n" + prefix + "01,gold\n12345,\n" + prefix + "02,\n"
                + prefix + "02,\n");
        java.nio.file.Path spoiled = Files.createTempFile("spoiled", ".csv");
        Files.writeString(spoiled, "Numbers\n" + prefix + "07\nnot-a-number\n");
        try (Browser browser = Browser.start()) {
            browser.signIn(admin[0], admin[1]);
            browser.open("/portal/accounts.xhtml");
            browser.type("accountForm:name", account);
            browser.click("accountForm:ocEnabled");
            browser.click("accountForm:save");
            browser.sees("Account " + account + " created.");

            browser.open("/portal/numbers.xhtml");
            upload(browser, account, csv, false);
            browser.sees("2 created, 2 refused");
            browser.screenshot("07-numbers-uploaded");
            browser.click("uploadForm:results");
            String results = browser.downloaded("import-results.csv");
            assertTrue(results.startsWith("Row,Numbers,Outcome,Reason"), results);
            assertTrue(results.contains("1," + prefix + "01,created,"), results);
            assertTrue(results.contains("2,12345,refused,\"'12345' is not an E.164 number"), results);
            assertTrue(results.contains("4," + prefix + "02,refused,appears more than once in the file"), results);

            upload(browser, account, spoiled, true);
            browser.sees("1 notSaved, 1 refused");
            assertEquals(404, ProvisioningApi.get("/accounts/" + account + "/numbers/" + prefix + "07")
                    .statusCode(), "all or nothing saved nothing");

            browser.type("numberList:prefix", prefix);
            browser.click("numberList:applyFilter");
            browser.sees("2 numbers");
            // Sorted in the database: the header once ascending, twice descending.
            for (int click = 0; click < 2; click++) {
                browser.driver.findElement(By.xpath("//th[contains(@class,'ui-sortable-column')]"
                        + "[.//span[text()='Number']]")).click();
                String expected = prefix + (click == 0 ? "01" : "02");
                browser.until(d -> expected.equals(d.findElement(By.cssSelector("#numberList\\:numbers tbody tr"
                        + " .number")).getText()));
            }
            browser.screenshot("08-numbers-filtered");
            browser.driver.findElement(By.cssSelector("button[aria-label='Edit " + prefix + "01']")).click();
            browser.until(d -> (prefix + "01").equals(d.findElement(By.id("numberForm:number")).getAttribute("value")));
            browser.type("numberForm:customHeader", "platinum");
            browser.click("numberForm:save");
            browser.sees("Number " + prefix + "01 saved.");
            browser.sees("platinum");

            browser.click("numberList:export");
            String export = browser.downloaded("numbers.csv");
            assertTrue(export.startsWith("Numbers,Services,CustomHeader,Account,Status"), export);
            assertEquals(3, export.lines().count(), "the header and the two filtered numbers: " + export);
            assertTrue(export.contains(prefix + "01,teamsOperatorConnect,platinum," + account), export);
        }
        var trail = ProvisioningApi.body(ProvisioningApi.get("/audit?resourceType=number&resourceKey="
                + prefix.replace("+", "%2B") + "01")).getJsonArray("value");
        assertTrue(trail.stream().map(jakarta.json.JsonValue::asJsonObject).anyMatch(e -> "portal".equals(
                e.getString("source")) && admin[0].equals(e.getString("actor")) && e.getString("after", "")
                        .contains("platinum")), "the change is audited as the portal user's: " + trail);
    }

    /**
     * A number set through the API with Teams configuration the form does not show: edited in the portal (a
     * capability added, a location set), it keeps all of it; released, it keeps its place in the account and its
     * configuration but has no service left, and offers no second release.
     */
    @Test
    void aNumberEditedInThePortalKeepsWhatTheApiSetAndIsReleased() throws Exception {
        String account = "release-" + System.nanoTime() % 1_000_000;
        String number = "+44207946" + (System.nanoTime() % 9000 + 1000);
        assertEquals(201, ProvisioningApi.put("/accounts/" + account,
                "{\"serviceDetails\":{\"teamsOperatorConnect\":{\"syncEnabled\":false,\"enabled\":true},"
                        + "\"zoomPhoneCloudPeering\":{\"syncEnabled\":false,\"enabled\":true}}}").statusCode());
        assertEquals(201, ProvisioningApi.put("/accounts/" + account + "/numbers/" + number,
                "{\"serviceDetails\":{\"zoomPhoneCloudPeering\":{\"enabled\":true},\"teamsOperatorConnect\":{"
                        + "\"enabled\":true,\"assignmentStatus\":\"assigned\",\"configuration\":{\"usage\":"
                        + "\"CallingUserAssignment\",\"choosableCapabilities\":[\"InboundCalling\"],"
                        + "\"additionalUsages\":[\"ConferenceAssignment\"],\"displayedCountryCode\":\"GB\"}}}}")
                .statusCode());
        String[] admin = firstAdmin();
        try (Browser browser = Browser.start()) {
            browser.signIn(admin[0], admin[1]);
            browser.open("/portal/numbers.xhtml");
            browser.type("numberList:prefix", number);
            browser.click("numberList:applyFilter");
            browser.sees("1 numbers");
            browser.driver.findElement(By.cssSelector("button[aria-label='Edit " + number + "']")).click();
            browser.until(d -> number.equals(d.findElement(By.id("numberForm:number")).getAttribute("value")));
            assertTrue(browser.driver.findElement(By.xpath("//label[text()='InboundCalling']/preceding-sibling::div[1]"
                    + "//input")).isSelected(), "the form shows the capability the API set");
            browser.driver.findElement(By.xpath("//label[text()='OutboundCalling']")).click();
            browser.type("numberForm:locationId", "loc-42");
            browser.click("numberForm:save");
            browser.sees("Number " + number + " saved.");
            browser.screenshot("12-number-edited");
            var oc = ProvisioningApi.body(ProvisioningApi.get("/accounts/" + account + "/numbers/" + number))
                    .getJsonObject("serviceDetails").getJsonObject("teamsOperatorConnect");
            var config = oc.getJsonObject("configuration");
            assertEquals("[\"InboundCalling\",\"OutboundCalling\"]", config.getJsonArray("choosableCapabilities")
                    .toString(), oc.toString());
            assertEquals("loc-42", config.getString("locationId"), oc.toString());
            assertEquals("[\"ConferenceAssignment\"]", config.getJsonArray("additionalUsages").toString(),
                    "kept: " + oc);
            assertEquals("GB", config.getString("displayedCountryCode"), "kept: " + oc);
            assertEquals("assigned", oc.getString("assignmentStatus"), "kept: " + oc);

            browser.driver.findElement(By.cssSelector("button[aria-label='Release " + number + "']")).click();
            browser.visible(By.cssSelector(".ui-confirmdialog-yes")).click();
            browser.sees("Number " + number + " released: no service is on.");
            browser.screenshot("13-number-released");
            browser.until(d -> d.findElements(By.cssSelector("button[aria-label='Release " + number + "']"))
                    .isEmpty());
        }
        var released = ProvisioningApi.body(ProvisioningApi.get("/accounts/" + account + "/numbers/" + number));
        var services = released.getJsonObject("serviceDetails");
        assertEquals(false, services.getJsonObject("teamsOperatorConnect").getBoolean("enabled"), released.toString());
        assertEquals("loc-42", services.getJsonObject("teamsOperatorConnect").getJsonObject("configuration")
                .getString("locationId"), "its configuration stays: " + released);
        assertTrue(!services.containsKey("zoomPhoneCloudPeering")
                || !services.getJsonObject("zoomPhoneCloudPeering").getBoolean("enabled"), "Zoom off: " + released);
        assertEquals(account, released.getString("accountName", account), "still in its account");
    }

    /**
     * The portal without a mouse: the sign-in field has the focus, Tab and Enter sign in, the first Tab on a page
     * reaches "Skip to content", the menu is reached and followed with Tab and Enter; every field of the numbers
     * and accounts pages has a label.
     */
    @Test
    void thePortalIsUsedWithTheKeyboardAloneAndEveryFieldHasALabel() throws Exception {
        String[] admin = firstAdmin();
        try (Browser browser = Browser.start()) {
            browser.open("/portal/login.xhtml");
            browser.visible(By.id("signIn:username"));
            assertEquals("signIn:username", browser.focused().getAttribute("id"), "the user name has the focus");
            browser.keys(admin[0], Keys.TAB);
            assertEquals("signIn:password", browser.focused().getAttribute("id"), "Tab goes to the password");
            browser.keys(admin[1], Keys.ENTER);
            browser.visible(By.id("signedInAs"));

            browser.keys(Keys.TAB);
            assertEquals("Skip to content", browser.focused().getText(), "the first Tab reaches the skip link");
            for (int i = 0; i < 12 && !"Numbers".equals(browser.focused().getText()); i++) {
                browser.keys(Keys.TAB);
            }
            assertEquals("Numbers", browser.focused().getText(), "Tab reaches the menu's Numbers");
            browser.keys(Keys.ENTER);
            browser.visible(By.id("numberList:prefix"));
            assertTrue(browser.driver.getCurrentUrl().endsWith("/portal/numbers.xhtml"), browser.driver.getCurrentUrl());
            browser.screenshot("14-numbers-by-keyboard");
            assertEquals("[]", browser.unlabelledFields().toString(), "fields of the numbers page without a label");
            browser.open("/portal/accounts.xhtml");
            browser.visible(By.id("accountForm:name"));
            assertEquals("[]", browser.unlabelledFields().toString(), "fields of the accounts page without a label");
        }
    }

    /** Teams (the Operator Connect emulator) has a consent of this tenant for the sync to pull. */
    /**
     * Test lines in the portal: an empty form gets every field marked at once, a customer's number is refused in
     * plain words beside the number, a right one is added and listed, then removed.
     */
    @Test
    void aTestLineIsAddedWithEveryWrongFieldMarkedAndRemoved() throws Exception {
        String[] admin = firstAdmin();
        String name = "OC" + System.nanoTime() % 10_000;
        String number = "+4420794" + String.format("%05d", System.nanoTime() % 100_000);
        try (Browser browser = Browser.start()) {
            browser.signIn(admin[0], admin[1]);
            browser.click("testLinesLink");
            browser.sees("Add or change a test line");
            browser.click("testLineForm:save");
            browser.sees("The name is 3 to 24 letters, digits or '-'.");
            browser.sees("The phone number is required.");
            browser.sees("The purpose is Manual or Automated.");
            browser.screenshot("16-test-line-refused");
            browser.type("testLineForm:name", name);
            browser.type("testLineForm:phoneNumber", number);
            browser.driver.findElement(By.cssSelector("label[for='testLineForm:purpose:1']")).click();
            browser.click("testLineForm:save");
            browser.sees("Test line " + name + " added: " + number + ", automated.");
            String row = browser.driver.findElement(By.xpath("//tbody/tr[td[normalize-space()='" + name + "']]"))
                    .getText();
            assertTrue(row.contains(number) && row.contains("Automated"), row);
            browser.screenshot("17-test-line-added");
            assertEquals(200, ProvisioningApi.get("/testLines/" + name).statusCode(), "the API sees the portal's line");
            browser.driver.findElement(By.cssSelector("button[aria-label='Remove test line " + name + "']")).click();
            browser.visible(By.cssSelector(".ui-confirmdialog-yes")).click();
            browser.sees("Test line " + name + " removed.");
            assertEquals(404, ProvisioningApi.get("/testLines/" + name).statusCode());
        }
    }

    /**
     * The go-live page gives one verdict and names each check with its reason: the test server has never run a week
     * of synthetic calls, so it is not ready, and says so.
     */
    @Test
    void theGoLivePageSaysWhetherTheGatewayIsReadyAndWhyNot() throws Exception {
        String[] admin = firstAdmin();
        try (Browser browser = Browser.start()) {
            browser.signIn(admin[0], admin[1]);
            browser.click("goLiveLink");
            browser.sees("Go-live readiness");
            String verdict = browser.driver.findElement(By.id("verdict")).getText();
            assertTrue(verdict.startsWith("Not ready for live traffic:")
                    && verdict.contains("Synthetic test calls passing for 7 days"), verdict);
            String text = browser.text();
            for (String shown : new String[] {"SIP peers up", "Provisioning sync", "Emergency route",
                    "calls to 911, 933 leave on esrp", "passing on "}) {
                assertTrue(text.contains(shown), shown + " missing: " + text);
            }
            browser.screenshot("18-go-live");
        }
    }

    /**
     * The Trunks page shows each operator trunk with its media settings and its header rules in order, as the SBC
     * applies them (the test server's trunks: arquillian.xml and trunk-rules.properties).
     */
    @Test
    void theTrunksPageShowsEachTrunksRulesInPlainWords() throws Exception {
        String[] admin = firstAdmin();
        try (Browser browser = Browser.start()) {
            browser.signIn(admin[0], admin[1]);
            browser.click("trunksLink");
            browser.sees("Operator trunks");
            String text = browser.text();
            for (String shown : new String[] {"operator", "mobile", "op1=udp:127.0.0.1:15090",
                    "toward the trunk, INVITE: add P-Early-Media: supported",
                    "toward the trunk, every request: remove Subject",
                    "from the trunk, INVITE: replace in P-Asserted-Identity /^<sip:00(\\d+)@/ with \"<sip:+$1@\"",
                    "Keys as tones in the audio, detected and sent to Microsoft as RFC 4733 events",
                    "Keys as SIP INFO, turned into RFC 4733 events toward Microsoft and back",
                    "Packets of 30 ms (a=ptime:30)", "Bandwidth line b=AS:64 in each media section",
                    "RTCP on the next port, without an a=rtcp line", "Codecs offered to the core: PCMA",
                    "Comfort noise toward Microsoft when the core goes quiet", "No early media to the core's callers"}) {
                assertTrue(text.contains(shown), shown + " missing: " + text);
            }
            assertTrue(text.indexOf("add P-Early-Media") < text.indexOf("remove Subject"), "rules in their order");
            browser.screenshot("15-trunks");
        }
    }

    private static void consent(TeamsBackend teams, String tenant) throws Exception {
        teams.addConsent(jakarta.json.Json.createObjectBuilder().add("tenantId", tenant).add("operatorId", "op-1")
                .add("status", "active").add("consentedOn", "2026-03-01T10:00:00Z")
                .add("lastModifiedOn", "2026-03-02T11:00:00Z")
                .add("consentedCountries", jakarta.json.Json.createArrayBuilder().add("GB"))
                .add("contacts", jakarta.json.Json.createArrayBuilder()).build());
    }

    private static void upload(Browser browser, String account, java.nio.file.Path file, boolean allOrNothing) {
        // PrimeFaces' menu keeps its value in a hidden select, which the form submits; the page may still be loading.
        browser.visible(By.id("uploadForm:account_input"));
        browser.driver.executeScript("document.getElementById('uploadForm:account_input').value = arguments[0];",
                account);
        browser.driver.findElement(By.xpath("//label[text()='" + (allOrNothing ? "save nothing (all or nothing)"
                : "save the other rows") + "']")).click();
        browser.driver.findElement(By.cssSelector("#uploadForm input[type=file]")).sendKeys(file.toString());
        browser.click("uploadForm:import");
    }

    /**
     * A consent pulled from Operator Connect (the emulator): its relationship declined without a reason is refused
     * beside the comment, with one saved; the change is in the audit view; "Create account" fills in the tenant.
     */
    @Test
    void aConsentIsDeclinedOnlyWithAReasonAndLeadsToItsAccount() throws Exception {
        String tenant = java.util.UUID.randomUUID().toString();
        try (TeamsBackend teams = TeamsBackend.start(Integer.parseInt(System.getProperty("it.oc.port", "18086")));
                Browser browser = Browser.start()) {
            consent(teams, tenant);
            Eventually.until("the consent is pulled", java.time.Duration.ofSeconds(20),
                    () -> ProvisioningApi.get("/teamsRequestsForInformation/" + tenant).statusCode() == 200);
            String[] admin = firstAdmin();
            browser.signIn(admin[0], admin[1]);
            browser.open("/portal/consents.xhtml");
            browser.sees(tenant);
            browser.driver.findElement(By.cssSelector("button[aria-label='Change the relationship with " + tenant
                    + "']")).click();
            browser.visible(By.id("relationshipForm:comment"));
            browser.driver.executeScript("document.getElementById('relationshipForm:relationship_input').value"
                    + " = 'Declined';");
            browser.click("relationshipForm:save");
            browser.sees("needs a reason");
            browser.screenshot("09-consent-reason-needed");
            browser.type("relationshipForm:comment", "no coverage in their region");
            browser.click("relationshipForm:save");
            browser.sees("Relationship with " + tenant + " is now Declined.");

            browser.open("/portal/audit.xhtml");
            browser.type("auditList:key", tenant);
            browser.click("auditList:applyFilter");
            browser.sees("no coverage in their region");
            browser.screenshot("10-audit");

            browser.open("/portal/consents.xhtml");
            browser.driver.findElement(By.xpath("//tr[td[contains(., '" + tenant + "')]]//a[text()='Create account']"))
                    .click();
            browser.until(d -> tenant.equals(d.findElement(By.id("accountForm:teamsTenantId")).getAttribute("value")));
        }
    }

    /** A number Teams refused shows the refusal; Retry sync queues it again, in the portal user's name. */
    @Test
    void aNumberWhoseSyncFailedShowsWhyAndIsRetried() throws Exception {
        String tenant = java.util.UUID.randomUUID().toString();
        String account = "retry-" + System.nanoTime() % 1_000_000;
        String number = "+44207946" + (System.nanoTime() % 9000 + 1000);
        try (TeamsBackend teams = TeamsBackend.start(Integer.parseInt(System.getProperty("it.oc.port", "18086")));
                Browser browser = Browser.start()) {
            consent(teams, tenant);
            teams.refuse(number, "NumberNotInOperatorRange", "outside the ranges given to this operator");
            assertEquals(201, ProvisioningApi.put("/accounts/" + account, ("{\"serviceDetails\":{\"teamsTenantId\":\""
                    + tenant + "\",\"teamsOperatorConnect\":{\"syncEnabled\":true,\"enabled\":true}}}"))
                    .statusCode());
            Eventually.until("the account is synced", java.time.Duration.ofSeconds(20), () -> ProvisioningApi
                    .body(ProvisioningApi.get("/accounts/" + account)).getString("serviceProvisioningStatus")
                    .equals("synced"));
            assertEquals(201, ProvisioningApi.put("/accounts/" + account + "/numbers/" + number,
                    "{\"serviceDetails\":{\"teamsOperatorConnect\":{\"enabled\":true,\"assignmentStatus\":"
                            + "\"assigned\",\"configuration\":{\"usage\":\"CallingUserAssignment\"}}}}")
                    .statusCode());
            String[] admin = firstAdmin();
            browser.signIn(admin[0], admin[1]);
            browser.open("/portal/numbers.xhtml");
            browser.type("numberList:prefix", number);
            browser.click("numberList:applyFilter");
            for (int i = 0; i < 20 && !browser.text().contains("NumberNotInOperatorRange"); i++) {
                Thread.sleep(500);
                browser.click("numberList:applyFilter");
            }
            browser.sees("NumberNotInOperatorRange: outside the ranges given to this operator");
            browser.screenshot("11-number-sync-failed");
            browser.driver.findElement(By.cssSelector("button[aria-label='Retry the sync of " + number + "']")).click();
            browser.sees("Number " + number + " is queued for sync again.");
        }
        var trail = ProvisioningApi.body(ProvisioningApi.get("/audit?resourceType=number&resourceKey="
                + number.replace("+", "%2B"))).getJsonArray("value");
        assertTrue(trail.stream().map(jakarta.json.JsonValue::asJsonObject).anyMatch(e -> "portal".equals(
                e.getString("source")) && "update".equals(e.getString("action"))), "the retry is audited: " + trail);
    }
}
