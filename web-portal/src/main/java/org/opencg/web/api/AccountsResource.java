package org.opencg.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.opencg.core.accounts.AccountRules;
import org.opencg.core.accounts.AccountService;
import org.opencg.core.accounts.AccountView;
import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;
import org.opencg.web.api.security.Allowed;
import org.opencg.web.api.security.ApiRoles;

/** Operations 1-4 of acg-behaviour.md §1.4: list, get, create or replace, and delete accounts. */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @EJB(lookup = AccountService.JNDI)
    AccountService accounts;

    @Context
    UriInfo uri;

    /** Accounts_List. */
    @Allowed(ApiRoles.READ)
    @GET
    public Response list(@QueryParam("skip") Integer skip, @QueryParam("top") Integer top,
            @QueryParam("maxpagesize") Integer maxPageSize, @QueryParam("countRecords") boolean countRecords) {
        return Paging.of(skip, top, maxPageSize).respond(uri, accounts::list, accounts::count, countRecords,
                AccountJson::of);
    }

    /** Accounts_Get. */
    @Allowed(ApiRoles.READ)
    @GET
    @Path("{accountName}")
    public Response get(@PathParam("accountName") String name) {
        AccountRules.checkName(name);
        return withEtag(Response.ok(), accounts.get(name));
    }

    /** Accounts_CreateOrReplace: 201 when created, 200 when replaced. */
    @Allowed(ApiRoles.WRITE)
    @PUT
    @Path("{accountName}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createOrReplace(@PathParam("accountName") String name, AccountJson body,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam("If-None-Match") String ifNoneMatch) {
        if (body == null) {
            throw new ProvisioningException(Kind.INVALID, "InvalidRequestContent", "the request has no body", "body");
        }
        if (body.name() != null && !body.name().equals(name)) {
            throw new ProvisioningException(Kind.INVALID, "InvalidRequestContent",
                    "name '" + body.name() + "' differs from the account name in the path '" + name + "'", "name");
        }
        AccountService.Saved saved = accounts.createOrReplace(name, body.details(), ifMatch, ifNoneMatch);
        return withEtag(saved.created() ? Response.status(Response.Status.CREATED) : Response.ok(), saved.account());
    }

    /** Accounts_Delete: refused while the account has numbers, unless {@code deleteNumbers=true} deletes them too. */
    @Allowed(ApiRoles.DELETE)
    @DELETE
    @Path("{accountName}")
    public Response delete(@PathParam("accountName") String name, @HeaderParam("If-Match") String ifMatch,
            @QueryParam("deleteNumbers") boolean deleteNumbers) {
        AccountRules.checkName(name);
        accounts.delete(name, ifMatch, deleteNumbers);
        return Response.noContent().build();
    }

    private static Response withEtag(Response.ResponseBuilder response, AccountView account) {
        return response.header("ETag", AccountRules.etag(account.version())).entity(AccountJson.of(account)).build();
    }
}
