package org.opencg.web.api;

import java.util.List;

/**
 * The Azure REST error body: {@code {"error":{"code","message","target","details"}}}, the shape every ACG
 * Provisioning API client parses (acg-behaviour.md §1.7).
 */
public record AzureError(Detail error) {

    public record Detail(String code, String message, String target, List<Detail> details) {
    }

    public static AzureError of(String code, String message, String target) {
        return new AzureError(new Detail(code, message, target, List.of()));
    }
}
