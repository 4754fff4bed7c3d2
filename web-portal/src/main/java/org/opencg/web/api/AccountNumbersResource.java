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
import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;
import org.opencg.core.numbers.NumberFilter;
import org.opencg.core.numbers.NumberService;
import org.opencg.core.numbers.NumberView;
import org.opencg.web.api.security.Allowed;
import org.opencg.web.api.security.ApiRoles;

/** Operations 7-10 of acg-behaviour.md §1.4: an account's numbers one at a time. */
@Path("accounts/{accountName}/numbers")
@Produces(MediaType.APPLICATION_JSON)
public class AccountNumbersResource {

    @EJB(lookup = NumberService.JNDI)
    NumberService numbers;

    @EJB(lookup = AccountService.JNDI)
    AccountService accounts;

    @Context
    UriInfo uri;

    /** Accounts_ListNumbers, with the filter subset {@link NumberFilter} documents. */
    @Allowed(ApiRoles.READ)
    @GET
    public Response list(@PathParam("accountName") String account, @QueryParam("skip") Integer skip,
            @QueryParam("top") Integer top, @QueryParam("maxpagesize") Integer maxPageSize,
            @QueryParam("filter") String filter, @QueryParam("countRecords") boolean countRecords) {
        AccountRules.checkName(account);
        NumberFilter scope = NumberFilter.parse(filter).inAccount(account);
        accounts.get(account); // 404 for an unknown account, rather than an empty list
        return Paging.of(skip, top, maxPageSize).respond(uri, (from, limit) -> numbers.list(scope, from, limit),
                () -> numbers.count(scope), countRecords, NumberJson::of);
    }

    /** Accounts_GetNumber: 404 for a number of another account, as for none. */
    @Allowed(ApiRoles.READ)
    @GET
    @Path("{telephoneNumber}")
    public Response get(@PathParam("accountName") String account, @PathParam("telephoneNumber") String number) {
        return withEtag(Response.ok(), numbers.get(account, number));
    }

    /** Accounts_CreateOrReplaceNumber: 201 when created, 200 when replaced. */
    @Allowed(ApiRoles.WRITE)
    @PUT
    @Path("{telephoneNumber}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createOrReplace(@PathParam("accountName") String account,
            @PathParam("telephoneNumber") String number, NumberJson body, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        if (body == null) {
            throw new ProvisioningException(Kind.INVALID, "InvalidRequestContent", "the request has no body", "body");
        }
        if (body.telephoneNumber() != null && !body.telephoneNumber().equals(number)) {
            throw new ProvisioningException(Kind.INVALID, "InvalidRequestContent", "telephoneNumber '"
                    + body.telephoneNumber() + "' differs from the number in the path '" + number + "'",
                    "telephoneNumber");
        }
        if (body.accountName() != null && !body.accountName().equals(account)) {
            throw new ProvisioningException(Kind.INVALID, "AccountNameMismatch", "accountName '" + body.accountName()
                    + "' differs from the account in the path '" + account + "'", "accountName");
        }
        NumberService.Saved saved = numbers.createOrReplace(account, number, body.details(""), ifMatch, ifNoneMatch);
        return withEtag(saved.created() ? Response.status(Response.Status.CREATED) : Response.ok(), saved.number());
    }

    /** Accounts_DeleteNumber. */
    @Allowed(ApiRoles.DELETE)
    @DELETE
    @Path("{telephoneNumber}")
    public Response delete(@PathParam("accountName") String account, @PathParam("telephoneNumber") String number,
            @HeaderParam("If-Match") String ifMatch) {
        numbers.delete(account, number, ifMatch);
        return Response.noContent().build();
    }

    private static Response withEtag(Response.ResponseBuilder response, NumberView number) {
        return response.header("ETag", AccountRules.etag(number.version())).entity(NumberJson.of(number)).build();
    }
}
