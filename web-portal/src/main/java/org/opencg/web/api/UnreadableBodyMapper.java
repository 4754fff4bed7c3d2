package org.opencg.web.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that is not the JSON the operation takes (RESTEasy raises ProcessingException while binding it)
 * is the client's error: 400 with Azure's body, not a 500.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        Throwable cause = exception.getCause() == null ? exception : exception.getCause();
        return AzureError.response(400, "InvalidRequestContent",
                "the request body is not valid JSON for this operation: " + cause.getMessage(), "body");
    }
}
