package org.opencg.web.api;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;
import org.opencg.core.sync.OperatorConnectClient.CapabilityPlan;
import org.opencg.core.sync.OperatorConnectClient.CivicAddress;
import org.opencg.core.sync.TeamsDirectory;
import org.opencg.web.api.security.Allowed;
import org.opencg.web.api.security.ApiRoles;

/**
 * Operations 11-14 of acg-behaviour.md §1.4, answered live by Teams through the Operator Connect API: capability
 * plans, available capabilities, and civic addresses of the account's tenant.
 */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
public class TeamsDirectoryResource {

    public record Plans(List<CapabilityPlan> capabilityPlans) {
    }

    public record Available(List<String> availableCapabilities) {
    }

    @EJB(lookup = TeamsDirectory.JNDI)
    TeamsDirectory teams;

    @Context
    UriInfo uri;

    /** Accounts_GetTeamsCapabilityPlans. */
    @Allowed({ApiRoles.READ, ApiRoles.WRITE})
    @POST
    @Path("{accountName}:getTeamsCapabilityPlans")
    public Plans capabilityPlans(@PathParam("accountName") String account) {
        return new Plans(teams.capabilityPlans(account));
    }

    /** Accounts_GetTeamsAvailableCapabilities: body {@code NumberIdentifiers}. */
    @Allowed({ApiRoles.READ, ApiRoles.WRITE})
    @POST
    @Path("{accountName}:getTeamsAvailableCapabilities")
    @Consumes(MediaType.APPLICATION_JSON)
    public Available availableCapabilities(@PathParam("accountName") String account, BatchJson.Identifiers body) {
        if (body == null || body.numbers() == null) {
            throw new ProvisioningException(Kind.INVALID, "MissingRequiredProperty", "numbers is required", "numbers");
        }
        return new Available(teams.availableCapabilities(account,
                body.numbers().stream().map(n -> n == null ? null : n.telephoneNumber()).toList()));
    }

    /** Accounts_ListTeamsCivicAddresses (paged locally: Teams answers a tenant's addresses whole). */
    @Allowed(ApiRoles.READ)
    @GET
    @Path("{accountName}/teamsCivicAddresses")
    public Response civicAddresses(@PathParam("accountName") String account, @QueryParam("skip") Integer skip,
            @QueryParam("top") Integer top, @QueryParam("maxpagesize") Integer maxPageSize,
            @QueryParam("countRecords") boolean countRecords) {
        List<CivicAddress> all = teams.civicAddresses(account);
        return Paging.of(skip, top, maxPageSize).respond(uri,
                (from, limit) -> all.subList(Math.min(from, all.size()), Math.min(all.size(), from + limit)),
                all::size, countRecords, a -> a);
    }

    /** Accounts_GetTeamsCivicAddress. */
    @Allowed(ApiRoles.READ)
    @GET
    @Path("{accountName}/teamsCivicAddresses/{civicAddressId}")
    public Response civicAddress(@PathParam("accountName") String account,
            @PathParam("civicAddressId") String id) {
        CivicAddress address = teams.civicAddress(account, id);
        return Response.ok(address).header("ETag", "\"" + Integer.toHexString(address.hashCode()) + "\"").build();
    }
}
