package org.opencg.web.api;

import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;
import org.opencg.core.testlines.TestLineRules;
import org.opencg.core.testlines.TestLineService;
import org.opencg.core.testlines.TestLineView;
import org.opencg.web.api.security.Allowed;
import org.opencg.web.api.security.ApiRoles;

/**
 * The deployment's test lines in ARM's shape (acg-behaviour.md §10, {@code communicationsGateways/testLines}):
 * list, get, create or replace, delete. ACG keeps them in Azure Resource Manager; the gateway keeps them here, beside
 * the numbers they must never be.
 */
@Path("testLines")
@Produces(MediaType.APPLICATION_JSON)
public class TestLinesResource {

    static final String TYPE = "Microsoft.VoiceServices/communicationsGateways/testLines";

    @EJB(lookup = TestLineService.JNDI)
    TestLineService lines;

    @Allowed(ApiRoles.READ)
    @GET
    public Response list() {
        var value = jakarta.json.Json.createArrayBuilder();
        lines.list().forEach(line -> value.add(json(line)));
        return Response.ok(jakarta.json.Json.createObjectBuilder().add("value", value).build()).build();
    }

    @Allowed(ApiRoles.READ)
    @GET
    @Path("{name}")
    public Response get(@PathParam("name") String name) {
        return Response.ok(json(lines.get(name))).build();
    }

    /** 201 when created, 200 when replaced; body {@code {"properties":{"phoneNumber":..., "purpose":...}}}. */
    @Allowed(ApiRoles.WRITE)
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createOrReplace(@PathParam("name") String name, JsonObject body) {
        TestLineRules.checkName(name);
        if (body == null) {
            throw new ProvisioningException(Kind.INVALID, "InvalidRequestContent", "the request has no body", "body");
        }
        JsonValue properties = body.get("properties");
        if (!(properties instanceof JsonObject props)) {
            throw new ProvisioningException(Kind.INVALID, "MissingRequiredProperty", "properties is required",
                    "properties");
        }
        TestLineService.Saved saved = lines.createOrReplace(name, text(props, "phoneNumber"), text(props, "purpose"));
        return (saved.created() ? Response.status(Response.Status.CREATED) : Response.ok())
                .entity(json(saved.line())).build();
    }

    @Allowed(ApiRoles.DELETE)
    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        lines.delete(name);
        return Response.noContent().build();
    }

    private static String text(JsonObject properties, String field) {
        JsonValue value = properties.get(field);
        if (value != null && value != JsonValue.NULL && !(value instanceof JsonString)) {
            throw new ProvisioningException(Kind.INVALID, "InvalidTestLine", field + " must be a string",
                    "properties." + field);
        }
        return value instanceof JsonString s ? s.getString() : null;
    }

    static JsonObject json(TestLineView line) {
        return jakarta.json.Json.createObjectBuilder().add("id", "/testLines/" + line.name()).add("name", line.name())
                .add("type", TYPE).add("properties", jakarta.json.Json.createObjectBuilder()
                        .add("phoneNumber", line.phoneNumber()).add("purpose", line.purpose())
                        .add("provisioningState", "Succeeded"))
                .build();
    }
}
