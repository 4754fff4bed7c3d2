package org.opencg.web.api;

import java.util.List;

/** {@code BatchNumbers}, {@code BatchNumbersDelete} and {@code NumberIdentifiers} (acg-behaviour.md §1.5). */
public final class BatchJson {

    private BatchJson() {
    }

    public record Numbers(List<NumberJson> numbers) {
    }

    public record Identifiers(List<Identifier> numbers) {
    }

    public record Identifier(String telephoneNumber) {
    }
}
