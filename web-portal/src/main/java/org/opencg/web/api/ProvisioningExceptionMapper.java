package org.opencg.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.opencg.core.accounts.ProvisioningException;

/** A refusal of the provisioning rules as Azure's error body and {@code x-ms-error-code}, with its HTTP status. */
@Provider
public class ProvisioningExceptionMapper implements ExceptionMapper<ProvisioningException> {

    @Override
    public Response toResponse(ProvisioningException exception) {
        int status = switch (exception.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
            case BACKEND_REFUSED -> 502;
            case BACKEND_UNAVAILABLE -> 503;
        };
        return AzureError.response(status, exception.code(), exception.getMessage(), exception.target());
    }
}
