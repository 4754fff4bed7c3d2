package org.opencg.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.opencg.core.numbers.NumberFilter;
import org.opencg.core.numbers.NumberService;
import org.opencg.web.api.security.Allowed;
import org.opencg.web.api.security.ApiRoles;

/** Operation 15 of acg-behaviour.md §1.4 (ListNumbers): the numbers of every account, with the same filter. */
@Path("numbers")
@Produces(MediaType.APPLICATION_JSON)
public class NumbersResource {

    @EJB(lookup = NumberService.JNDI)
    NumberService numbers;

    @Context
    UriInfo uri;

    @Allowed(ApiRoles.READ)
    @GET
    public Response list(@QueryParam("skip") Integer skip, @QueryParam("top") Integer top,
            @QueryParam("maxpagesize") Integer maxPageSize, @QueryParam("filter") String filter,
            @QueryParam("countRecords") boolean countRecords) {
        NumberFilter scope = NumberFilter.parse(filter);
        return Paging.of(skip, top, maxPageSize).respond(uri, (from, limit) -> numbers.list(scope, from, limit),
                () -> numbers.count(scope), countRecords, NumberJson::of);
    }
}
