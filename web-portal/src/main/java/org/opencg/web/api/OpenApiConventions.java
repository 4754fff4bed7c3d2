package org.opencg.web.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Adds to the generated OpenAPI document what {@link AzureConventions}, the security guard and the error mappers do
 * for every operation, so the document describes the behaviour rather than the Java signatures alone.
 */
public class OpenApiConventions implements OASFilter {

    private static final String BEARER = "bearer";

    @Override
    public Operation filterOperation(Operation operation) {
        operation.addParameter(OASFactory.createParameter().name("api-version").in(Parameter.In.QUERY).required(true)
                .description("The API version; this server serves " + AzureConventions.API_VERSION)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(List.of(AzureConventions.API_VERSION))));
        operation.addParameter(OASFactory.createParameter().name("x-ms-client-request-id").in(Parameter.In.HEADER)
                .description("Echoed on the response").schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)));
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
        if (operation.getResponses() != null) {
            operation.getResponses().addAPIResponse("default", OASFactory.createAPIResponse()
                    .description("Azure error body {\"error\":{\"code\",\"message\",\"target\",\"details\"}} with"
                            + " x-ms-error-code: 400 invalid, 401 no valid token, 403 role or source refused,"
                            + " 404, 409, 412 precondition, 429 throttled (Retry-After), 502/503 Teams backend"));
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.info(OASFactory.createInfo().title("OpenCG Provisioning API").version(AzureConventions.API_VERSION)
                .description("Wire-compatible with Azure Communications Gateway's Provisioning API "
                        + AzureConventions.API_VERSION + ". Roles (token claim 'roles'): ProvisioningAPI.Admin,"
                        + " .Read (GET), .Write (PUT, PATCH, POST), .Delete (DELETE)."));
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        openAPI.getComponents().setSecuritySchemes(Map.of(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
