package org.opencg.core.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencg.core.dns.SubdomainRecords;

/** subdomainStatus from what DNS serves (acg-behaviour.md §9, checklist item 13). */
class SubdomainRecordsTest {

    @Test
    void statusFollowsWhatTheServerServes() {
        assertEquals("notProvisioned", SubdomainRecords.status("a", "b", List.of(), List.of()));
        assertEquals("provisioned", SubdomainRecords.status("a", "b", List.of("a"), List.of("b")));
        assertEquals("inconsistent", SubdomainRecords.status("a", "b", List.of("a"), List.of()));
        assertEquals("inconsistent", SubdomainRecords.status("a", "b", List.of("b"), List.of("a")));
        assertEquals("inconsistent", SubdomainRecords.status("a", "b", List.of("a", "x"), List.of("b")));
        assertEquals("contoso.1r2.gw.example.com", SubdomainRecords.name("contoso", 2, "gw.example.com"));
    }
}
