package org.opencg.core.sync;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

/** The one Operator Connect client of the gateway, made from the sync settings, shared by the sync and look-ups. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OperatorConnectLink {

    private SyncSettings settings;
    private OperatorConnectClient client;

    @PostConstruct
    void init() {
        settings = SyncSettings.from(ConfigProvider.getConfig());
        client = settings.configured()
                ? new HttpOperatorConnectClient(settings.url(), settings.timeout(), settings.token()) : null;
    }

    public SyncSettings settings() {
        return settings;
    }

    /** The client, or an exception saying the Operator Connect API is not configured (retryable: it may be). */
    public OperatorConnectClient client() throws OperatorConnectException {
        if (client == null) {
            throw new OperatorConnectException(0, "OperatorConnectNotConfigured",
                    "the Operator Connect API is not configured (opencg.oc.url)", true);
        }
        return client;
    }
}
