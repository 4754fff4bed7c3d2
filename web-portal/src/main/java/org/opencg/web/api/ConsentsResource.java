package org.opencg.web.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.opencg.core.accounts.AccountRules;
import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;
import org.opencg.core.consents.ConsentService;
import org.opencg.core.consents.ConsentView;
import org.opencg.web.api.security.Allowed;
import org.opencg.web.api.security.ApiRoles;

/**
 * Operations 16-18 of acg-behaviour.md §1.4: enterprise consents (Teams requests for information) as the sync pulled
 * them, and a merge-patch of the customer relationship, which the sync then pushes back to Teams.
 */
@Path("teamsRequestsForInformation")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentsResource {

    public static final String MERGE_PATCH = "application/merge-patch+json";
    /** The filter subset for consents: {@code status eq 'active'} (or suspended, removed). */
    private static final Pattern STATUS = Pattern.compile("\\s*status\\s+eq\\s+'(active|suspended|removed)'\\s*");

    @EJB(lookup = ConsentService.JNDI)
    ConsentService consents;

    @Context
    UriInfo uri;

    @Allowed(ApiRoles.READ)
    @GET
    public Response list(@QueryParam("skip") Integer skip, @QueryParam("top") Integer top,
            @QueryParam("maxpagesize") Integer maxPageSize, @QueryParam("filter") String filter,
            @QueryParam("countRecords") boolean countRecords) {
        String status = null;
        if (filter != null && !filter.isBlank()) {
            Matcher m = STATUS.matcher(filter);
            if (!m.matches()) {
                throw new ProvisioningException(Kind.INVALID, "InvalidFilter",
                        "supported: status eq 'active|suspended|removed'", "filter");
            }
            status = m.group(1);
        }
        String chosen = status;
        return Paging.of(skip, top, maxPageSize).respond(uri, (from, limit) -> consents.list(chosen, from, limit),
                () -> consents.count(chosen), countRecords, ConsentJson::of);
    }

    @Allowed(ApiRoles.READ)
    @GET
    @Path("{tenantId}")
    public Response get(@PathParam("tenantId") String tenantId) {
        return withEtag(Response.ok(), consents.get(tenantId));
    }

    /** Only {@code customerRelationship} is writable; any other field in the body is refused by name. */
    @Allowed(ApiRoles.WRITE)
    @PATCH
    @Path("{tenantId}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("tenantId") String tenantId, String text,
            @HeaderParam("If-Match") String ifMatch) {
        AccountRules.checkTenantId(tenantId, "tenantId");
        jakarta.json.JsonObject body = mergePatch(text);
        for (String field : body.keySet()) {
            if (!field.equals("customerRelationship")) {
                throw new ProvisioningException(Kind.INVALID, "ReadOnlyProperty", field
                        + " is read-only; only customerRelationship can be changed", field);
            }
        }
        var relationship = body.getJsonObject("customerRelationship");
        if (relationship == null) {
            throw new ProvisioningException(Kind.INVALID, "MissingRequiredProperty",
                    "customerRelationship is required", "customerRelationship");
        }
        for (String field : relationship.keySet()) {
            if (!field.equals("status") && !field.equals("comment")) {
                throw new ProvisioningException(Kind.INVALID, "ReadOnlyProperty", "customerRelationship." + field
                        + " is read-only", "customerRelationship." + field);
            }
        }
        ConsentView updated = consents.updateRelationship(tenantId, text(relationship, "status"),
                text(relationship, "comment"), ifMatch);
        return withEtag(Response.ok(), updated);
    }

    /** The body as a JSON object (read by hand: a merge patch is about which members are present). */
    private static jakarta.json.JsonObject mergePatch(String text) {
        if (text == null || text.isBlank()) {
            throw new ProvisioningException(Kind.INVALID, "InvalidRequestContent", "the request has no body", "body");
        }
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
            return reader.readObject();
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            throw new ProvisioningException(Kind.INVALID, "InvalidRequestContent",
                    "the request body is not a JSON object: " + e.getMessage(), "body");
        }
    }

    private static String text(jakarta.json.JsonObject object, String field) {
        if (!object.containsKey(field) || object.isNull(field)) {
            return null;
        }
        if (object.get(field).getValueType() != jakarta.json.JsonValue.ValueType.STRING) {
            throw new ProvisioningException(Kind.INVALID, "InvalidRequestContent", "customerRelationship." + field
                    + " must be a string", "customerRelationship." + field);
        }
        return object.getString(field);
    }

    private static Response withEtag(Response.ResponseBuilder response, ConsentView consent) {
        return response.header("ETag", AccountRules.etag(consent.version())).entity(ConsentJson.of(consent)).build();
    }
}
