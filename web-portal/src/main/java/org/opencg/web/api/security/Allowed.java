package org.opencg.web.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The app roles that may call a resource method, besides {@code ProvisioningAPI.Admin}, which may call every one.
 * {@link ApiGuard} reads it from the method JAX-RS matched, never from the request's path, so nothing a client
 * writes into the URL (matrix parameters, encoded segments, a look-alike action name) changes what is needed. A
 * method without it is Admin's alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allowed {

    /** Roles such as {@link ApiRoles#READ}; empty means Admin only. */
    String[] value();
}
