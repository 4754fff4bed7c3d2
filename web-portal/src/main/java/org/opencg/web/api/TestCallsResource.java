package org.opencg.web.api;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;
import org.opencg.core.testlines.TestCallResult;
import org.opencg.core.testlines.TestCallService;
import org.opencg.web.api.security.Allowed;
import org.opencg.web.api.security.ApiRoles;

/**
 * The synthetic test calls between Automated test lines (OpenCG's addition beside ACG's test lines): their results,
 * newest first, and a request for a round now (202: the runner takes it within a few seconds).
 */
@Path("testCalls")
@Produces(MediaType.APPLICATION_JSON)
public class TestCallsResource {

    @EJB(lookup = TestCallService.JNDI)
    TestCallService calls;

    @Allowed(ApiRoles.READ)
    @GET
    public Response list(@QueryParam("top") Integer top) {
        int limit = top == null ? 100 : top;
        if (limit < 1 || limit > 1000) {
            throw new ProvisioningException(Kind.INVALID, "InvalidTop", "top is 1 to 1000", "top");
        }
        var value = Json.createArrayBuilder();
        calls.recent(limit).forEach(result -> value.add(json(result)));
        return Response.ok(Json.createObjectBuilder().add("value", value).build()).build();
    }

    @Allowed(ApiRoles.WRITE)
    @POST
    public Response run() {
        calls.requestRun();
        return Response.accepted(Json.createObjectBuilder().add("status", "requested").build()).build();
    }

    private static JsonObjectBuilder json(TestCallResult r) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("startedAt", r.startedAt().toString())
                .add("callerLine", r.callerLine()).add("calledLine", r.calledLine())
                .add("callerNumber", r.callerNumber()).add("calledNumber", r.calledNumber())
                .add("result", r.passed() ? "passed" : "failed").add("reason", r.reason())
                .add("rtpPacketsBack", r.rtpBack());
        return r.setupMillis() == null ? json : json.add("setupMillis", r.setupMillis());
    }
}
