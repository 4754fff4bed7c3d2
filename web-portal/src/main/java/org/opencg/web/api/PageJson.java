package org.opencg.web.api;

import java.util.List;

/** Azure's page envelope: the items and, only when more exist, the absolute link to the next page (§1.6). */
public record PageJson<T>(List<T> value, String nextLink) {
}
