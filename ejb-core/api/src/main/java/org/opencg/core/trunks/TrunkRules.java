package org.opencg.core.trunks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.config.Config;

/**
 * The operator trunks' names and their rules as configured (docs/configuration.md), read the same way by the SBC,
 * which applies them, and by the portal, which shows them: {@code opencg.sbc.trunks}, and per trunk
 * {@code opencg.sbc.trunk.<name>.header-rule.<n>}, n from 1 to {@value #MOST_RULES}, applied in that order. Numbered
 * settings rather than a list, so that each rule can be set from an environment variable of its own.
 */
public final class TrunkRules {

    public static final String TRUNKS = "opencg.sbc.trunks";
    public static final int MOST_RULES = 99;

    private TrunkRules() {
    }

    /** The trunks' names, in their configured order ({@code operator} when none is set). */
    public static List<String> names(Config config) {
        return Arrays.stream(config.getOptionalValue(TRUNKS, String.class).orElse("operator").split(","))
                .map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    /** The setting of one header rule of a trunk. */
    public static String headerRuleSetting(String trunk, int number) {
        return "opencg.sbc.trunk." + trunk + ".header-rule." + number;
    }

    /** A trunk's header rules in number order; a bad one is an IllegalArgumentException naming its setting. */
    public static List<HeaderRule> headerRules(Config config, String trunk) {
        List<HeaderRule> rules = new ArrayList<>();
        for (int n = 1; n <= MOST_RULES; n++) {
            String setting = headerRuleSetting(trunk, n);
            String text = config.getOptionalValue(setting, String.class).orElse(null);
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                rules.add(HeaderRule.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(rules);
    }
}
