package org.opencg.web.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;
import org.opencg.core.numbers.NumberService;
import org.opencg.core.numbers.NumberService.NumberEntry;
import org.opencg.web.api.security.Allowed;
import org.opencg.web.api.security.ApiRoles;

/**
 * The account actions of acg-behaviour.md §1.4 ({@code POST /accounts/{name}:action}): batch create/update and
 * batch delete of numbers (5, 6), all or nothing.
 */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountActionsResource {

    @EJB(lookup = NumberService.JNDI)
    NumberService numbers;

    /** Accounts_CreateOrUpdateNumbers: up to 100 numbers; one bad item refuses the batch, naming the item. */
    @Allowed(ApiRoles.WRITE)
    @POST
    @Path("{accountName}:createOrUpdateNumbers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createOrUpdateNumbers(@PathParam("accountName") String account, BatchJson.Numbers body) {
        if (body == null || body.numbers() == null) {
            throw missingNumbers();
        }
        List<NumberEntry> entries = new ArrayList<>(body.numbers().size());
        for (int i = 0; i < body.numbers().size(); i++) {
            NumberJson number = body.numbers().get(i);
            if (number == null) {
                throw new ProvisioningException(Kind.INVALID, "InvalidRequestContent", "numbers[" + i + "] is null",
                        "numbers[" + i + "]");
            }
            entries.add(new NumberEntry(number.telephoneNumber(), number.details("numbers[" + i + "].")));
        }
        return Response.ok(new BatchJson.Numbers(numbers.createOrUpdate(account, entries).stream()
                .map(NumberJson::of).toList())).build();
    }

    /** Accounts_DeleteNumbers: up to 100 numbers of this account; one unknown number refuses the batch. */
    @Allowed({ApiRoles.DELETE, ApiRoles.WRITE})
    @POST
    @Path("{accountName}:deleteNumbers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response deleteNumbers(@PathParam("accountName") String account, BatchJson.Identifiers body) {
        if (body == null || body.numbers() == null) {
            throw missingNumbers();
        }
        numbers.delete(account, body.numbers().stream().map(n -> n == null ? null : n.telephoneNumber()).toList());
        return Response.noContent().build();
    }

    private static ProvisioningException missingNumbers() {
        return new ProvisioningException(Kind.INVALID, "MissingRequiredProperty", "numbers is required", "numbers");
    }
}
