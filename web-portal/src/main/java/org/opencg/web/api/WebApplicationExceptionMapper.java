package org.opencg.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers the errors JAX-RS raises itself (unknown path, wrong method, wrong media type) in Azure's error
 * format with {@code x-ms-error-code}, so clients never see a server-generated HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        String code = errorCode(status);
        String message = Response.Status.fromStatusCode(status) == null
                ? exception.getMessage()
                : Response.Status.fromStatusCode(status).getReasonPhrase() + ": " + uri.getPath();
        return AzureError.response(status, code, message, uri.getPath());
    }

    static String errorCode(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 409 -> "Conflict";
            case 412 -> "PreconditionFailed";
            case 415 -> "UnsupportedMediaType";
            case 429 -> "TooManyRequests";
            default -> status >= 500 ? "InternalServerError" : "BadRequest";
        };
    }
}
