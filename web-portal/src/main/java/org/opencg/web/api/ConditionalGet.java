package org.opencg.web.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import org.opencg.core.accounts.AccountRules;

/**
 * Conditional reads of single resources (RFC 9110 §13.1, acg-behaviour.md §1.3): a GET whose {@code If-None-Match}
 * names the current ETag gets 304 without a body; one whose {@code If-Match} does not gets 412. Decided on the
 * answer's ETag, so every resource that has one behaves alike.
 */
@Provider
public class ConditionalGet implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String etag = response.getHeaderString("ETag");
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200 || etag == null) {
            return;
        }
        String ifMatch = request.getHeaderString("If-Match");
        String ifNoneMatch = request.getHeaderString("If-None-Match");
        if (ifMatch != null && !AccountRules.etagMatches(ifMatch, etag)) {
            var failed = AzureError.response(412, "PreconditionFailed", "If-Match " + ifMatch
                    + " does not match the resource's ETag " + etag, "If-Match");
            response.setStatus(412);
            response.setEntity(failed.getEntity());
            response.getHeaders().putSingle("x-ms-error-code", "PreconditionFailed");
        } else if (ifNoneMatch != null && AccountRules.etagMatches(ifNoneMatch, etag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }
}
