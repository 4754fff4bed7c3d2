package org.opencg.sip.media;

import java.util.Map;

import jakarta.ejb.Local;
import jakarta.ejb.Stateless;

import org.eclipse.microprofile.config.ConfigProvider;
import org.opencg.core.health.HealthProbe;
import org.opencg.core.health.ProbeResult;

/** rtpengine is up when it answers an ng {@code ping} with {@code pong}. */
@Stateless
@Local(HealthProbe.class)
public class RtpengineProbe implements HealthProbe {

    @Override
    public ProbeResult probe() {
        RtpengineClient client;
        try {
            client = RtpengineSettings.client(ConfigProvider.getConfig());
        } catch (IllegalArgumentException e) {
            return ProbeResult.down(e.getMessage());
        }
        Map<String, String> data = Map.of("ng", client.address().getHostString() + ":" + client.address().getPort());
        try {
            client.ping();
            return ProbeResult.up(data);
        } catch (RtpengineException e) {
            return ProbeResult.down(e.getMessage(), data);
        }
    }
}
