package org.opencg.web.portal;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.Config;
import org.opencg.core.trunks.HeaderRule;
import org.opencg.core.trunks.TrunkRules;

/**
 * The operator trunks as configured, read-only: their kind, peers, media settings and header rules. The header rules
 * are read by the same {@link TrunkRules} the SBC applies them with; the media settings from the same keys the SBC
 * reads (it checks their values at start). They change in the gateway's settings (docs/sbc.md), not here.
 */
@Named
@RequestScoped
public class TrunksPage {

    @Inject
    Config config;

    private List<TrunkView> trunks;

    public List<TrunkView> getTrunks() {
        if (trunks == null) {
            trunks = TrunkRules.names(config).stream().map(this::view).toList();
        }
        return trunks;
    }

    private TrunkView view(String name) {
        String prefix = "opencg.sbc.trunk." + name + ".";
        return new TrunkView(name, config.getOptionalValue(prefix + "kind", String.class).orElse("fixed"),
                config.getOptionalValue(prefix + "peers", String.class).orElse("none"),
                TrunkRules.mediaRules(config, name),
                TrunkRules.headerRules(config, name).stream().map(HeaderRule::describe).toList());
    }

    /** One trunk as the page shows it. */
    public record TrunkView(String name, String kind, String peers, List<String> mediaRules, List<String> headerRules) {
        public String getName() {
            return name;
        }

        public String getKind() {
            return kind;
        }

        public String getPeers() {
            return peers;
        }

        public List<String> getMediaRules() {
            return mediaRules;
        }

        public List<String> getHeaderRules() {
            return headerRules;
        }
    }
}
