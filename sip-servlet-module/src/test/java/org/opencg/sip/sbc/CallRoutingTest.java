package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opencg.core.numbers.Service;
import org.opencg.core.routing.AccountRoute;
import org.opencg.core.routing.NumberRoute;
import org.opencg.core.routing.RoutingSnapshot;
import org.opencg.sip.sbc.CallRouting.Destination;
import org.opencg.sip.sbc.CallRouting.Forward;
import org.opencg.sip.sbc.CallRouting.OperatorHeaders;
import org.opencg.sip.sbc.CallRouting.Refuse;
import org.opencg.sip.sbc.CallRouting.TrunkKind;

/** Routing decisions from the snapshot (issue 5; acg-behaviour.md checklist 19, 26-29). */
class CallRoutingTest {

    private static final String TENANT = "0f3c6a8e-1b2d-4c5e-8f70-9a1b2c3d4e5f";
    private static final OperatorHeaders HEADERS = new OperatorHeaders("X-Customer", false);

    private static RoutingSnapshot routes() {
        RoutingSnapshot routes = new RoutingSnapshot();
        routes.put(new AccountRoute("contoso", TENANT, "contoso", true,
                Set.of(Service.OPERATOR_CONNECT, Service.DIRECT_ROUTING, Service.PHONE_MOBILE)));
        routes.put(new AccountRoute("fabrikam", null, "fab", false, Set.of(Service.DIRECT_ROUTING)));
        routes.put(new NumberRoute("+442070000001", "contoso", Set.of(Service.OPERATOR_CONNECT), "ctx-1"));
        routes.put(new NumberRoute("+442070000002", "contoso", Set.of(Service.DIRECT_ROUTING), "ctx-2"));
        routes.put(new NumberRoute("+447700000003", "contoso", Set.of(Service.PHONE_MOBILE), "ctx-3"));
        routes.put(new NumberRoute("+442070000004", "fabrikam", Set.of(Service.DIRECT_ROUTING), null));
        return routes;
    }

    @Test
    void callsFromTheOperatorGoWhereTheNumberIsProvisioned() {
        Forward oc = assertInstanceOf(Forward.class,
                CallRouting.fromOperator("+442070000001", false, TrunkKind.FIXED, routes(), "X-Customer"));
        assertEquals(Destination.OPERATOR_CONNECT, oc.destination());
        assertEquals(TENANT, oc.tenant());
        Forward dr = assertInstanceOf(Forward.class,
                CallRouting.fromOperator("+442070000002", false, TrunkKind.FIXED, routes(), "X-Customer"));
        assertEquals(Destination.DIRECT_ROUTING, dr.destination());
        assertEquals("contoso", dr.contactLabel(), "the Contact host toward Teams is the account's subdomain");
        Forward mobile = (Forward) CallRouting.fromOperator("+447700000003", false, TrunkKind.FIXED, routes(),
                "X-Customer");
        assertEquals(Destination.PHONE_MOBILE, mobile.destination());
        assertEquals(Map.of("X-Customer", "ctx-1"), oc.headers(), "the called number's header goes back to the operator");
        assertEquals(Map.of(), mobile.headers(), "never for Teams Phone Mobile");
    }

    @Test
    void unprovisionedNumbersFollowTheTrunkKindAndLoopsAreRefused() {
        assertEquals(Destination.OPERATOR_CONNECT, ((Forward) CallRouting.fromOperator("+442079999999", false,
                TrunkKind.FIXED, routes(), "X-Customer")).destination());
        assertEquals(Destination.PHONE_MOBILE, ((Forward) CallRouting.fromOperator("+447799999999", false,
                TrunkKind.MOBILE, routes(), "X-Customer")).destination());
        assertEquals(482, ((Refuse) CallRouting.fromOperator("+442070000001", true, TrunkKind.FIXED, routes(), "X-Customer"))
                .status());
        assertEquals(404, ((Refuse) CallRouting.fromOperator(null, false, TrunkKind.FIXED, routes(), "X-Customer")).status());
    }

    @Test
    void directRoutingCallsAreScreenedWhenTheAccountSaysSo() {
        assertEquals(403, ((Refuse) CallRouting.toOperator(Destination.DIRECT_ROUTING, "+442070000004", "contoso",
                routes(), HEADERS)).status(), "a number of another account");
        assertEquals(403, ((Refuse) CallRouting.toOperator(Destination.DIRECT_ROUTING, "+442079999999", "contoso",
                routes(), HEADERS)).status(), "an unprovisioned number");
        assertInstanceOf(Forward.class, CallRouting.toOperator(Destination.DIRECT_ROUTING, "+442070000002",
                "contoso", routes(), HEADERS));
        assertInstanceOf(Forward.class, CallRouting.toOperator(Destination.DIRECT_ROUTING, "+442079999999", "fab",
                routes(), HEADERS), "screening off on fabrikam");
    }

    @Test
    void theOperatorLegCarriesTheTenantAndTheCustomHeaderExceptForMobile() {
        Forward oc = (Forward) CallRouting.toOperator(Destination.OPERATOR_CONNECT, "+442070000001", null, routes(),
                HEADERS);
        assertEquals(Map.of("X-MS-TenantID", TENANT, "X-Customer", "ctx-1"), oc.headers());
        Forward tgrp = (Forward) CallRouting.toOperator(Destination.OPERATOR_CONNECT, "+442070000001", null, routes(),
                new OperatorHeaders("X-Customer", true));
        assertEquals(TENANT, tgrp.headers().get("tgrp"));
        Forward mobile = (Forward) CallRouting.toOperator(Destination.PHONE_MOBILE, "+447700000003", null, routes(),
                HEADERS);
        assertEquals(Map.of("X-MS-TenantID", TENANT), mobile.headers(), "no custom header for Teams Phone Mobile");
        Forward unknown = (Forward) CallRouting.toOperator(Destination.OPERATOR_CONNECT, "+442079999999", null,
                routes(), HEADERS);
        assertEquals(Map.of(), unknown.headers(), "nothing to add for an unprovisioned number");
    }

    @Test
    void unprovisionedCallersOfTeamsServicesCanBeRefusedWhileDirectRoutingAndZoomKeepTheirOwnRules() {
        RoutingSnapshot routes = routes();
        assertEquals(403, CallRouting.unprovisionedCaller(Destination.OPERATOR_CONNECT, "+442079999999", routes)
                .orElseThrow().status());
        assertEquals(403, CallRouting.unprovisionedCaller(Destination.PHONE_MOBILE, null, routes).orElseThrow().status());
        assertTrue(CallRouting.unprovisionedCaller(Destination.OPERATOR_CONNECT, "+442070000001", routes).isEmpty());
        assertTrue(CallRouting.unprovisionedCaller(Destination.DIRECT_ROUTING, "+442079999999", routes).isEmpty());
        assertTrue(CallRouting.unprovisionedCaller(Destination.ZOOM, "+442079999999", routes).isEmpty());
    }
}
