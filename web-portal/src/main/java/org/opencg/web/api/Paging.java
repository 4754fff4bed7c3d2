package org.opencg.web.api;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;

/**
 * The list parameters of acg-behaviour.md §1.6: {@code skip} (offset), {@code top} (at most this many in all) and
 * {@code maxpagesize} (default 200, at most 500), and the absolute {@code nextLink} of the following page.
 */
record Paging(int skip, Integer top, int pageSize) {

    static final int DEFAULT_PAGE_SIZE = 200;
    static final int MAX_PAGE_SIZE = 500;

    static Paging of(Integer skip, Integer top, Integer maxPageSize) {
        if (skip != null && skip < 0 || top != null && top < 0) {
            throw new ProvisioningException(Kind.INVALID, "InvalidQueryParameterValue",
                    "skip and top must not be negative", skip != null && skip < 0 ? "skip" : "top");
        }
        if (maxPageSize != null && (maxPageSize < 1 || maxPageSize > MAX_PAGE_SIZE)) {
            throw new ProvisioningException(Kind.INVALID, "InvalidQueryParameterValue",
                    "maxpagesize must be 1.." + MAX_PAGE_SIZE, "maxpagesize");
        }
        return new Paging(skip == null ? 0 : skip, top, maxPageSize == null ? DEFAULT_PAGE_SIZE : maxPageSize);
    }

    /** How many items this page holds at most. */
    int limit() {
        return top == null ? pageSize : Math.min(pageSize, top);
    }

    /**
     * The next page's absolute link, or null when there is none: {@code more} says whether the store had items
     * beyond this page (the caller reads {@code limit() + 1} to know, rather than counting every time).
     */
    String nextLink(UriInfo uri, int returned, boolean more) {
        if (!more || top != null && top <= returned) {
            return null;
        }
        var builder = uri.getRequestUriBuilder().replaceQueryParam("skip", skip + returned);
        if (top != null) {
            builder.replaceQueryParam("top", top - returned);
        }
        return builder.build().toString();
    }

    /**
     * A list response: reads one item more than the page holds to know whether a next page exists, maps the items
     * to their wire shape, and counts all matches only when asked ({@code countRecords} → {@code x-ms-record-count}).
     */
    <T, J> Response respond(UriInfo uri, BiFunction<Integer, Integer, List<T>> fetch, LongSupplier count,
            boolean countRecords, Function<T, J> json) {
        List<T> found = fetch.apply(skip, limit() + 1);
        List<T> page = found.subList(0, Math.min(found.size(), limit()));
        Response.ResponseBuilder response = Response.ok(new PageJson<>(page.stream().map(json).toList(),
                nextLink(uri, page.size(), found.size() > page.size())));
        if (countRecords) {
            response.header("x-ms-record-count", count.getAsLong());
        }
        return response.build();
    }
}
