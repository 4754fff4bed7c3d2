package org.opencg.core.sync;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.opencg.core.accounts.AccountService;
import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;
import org.opencg.core.numbers.NumberRules;
import org.opencg.core.sync.OperatorConnectClient.CapabilityPlan;
import org.opencg.core.sync.OperatorConnectClient.CivicAddress;

/** {@link TeamsDirectory} through the gateway's Operator Connect client; reads only, so no transaction is held. */
@Stateless
@Local(TeamsDirectory.class)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TeamsDirectoryBean implements TeamsDirectory {

    @EJB
    OperatorConnectLink link;

    @EJB(lookup = AccountService.JNDI)
    AccountService accounts;

    private interface Call<T> {
        T on(OperatorConnectClient client, String tenant) throws OperatorConnectException;
    }

    @Override
    public List<CivicAddress> civicAddresses(String accountName) {
        return ask(accountName, OperatorConnectClient::civicAddresses);
    }

    @Override
    public CivicAddress civicAddress(String accountName, String civicAddressId) {
        return civicAddresses(accountName).stream().filter(a -> a.id().equals(civicAddressId)).findFirst()
                .orElseThrow(() -> new ProvisioningException(Kind.NOT_FOUND, "NotFound", "Civic address '"
                        + civicAddressId + "' does not exist for account '" + accountName + "'.", "civicAddressId"));
    }

    @Override
    public List<CapabilityPlan> capabilityPlans(String accountName) {
        return ask(accountName, OperatorConnectClient::capabilityPlans);
    }

    @Override
    public List<String> availableCapabilities(String accountName, List<String> telephoneNumbers) {
        if (telephoneNumbers == null || telephoneNumbers.isEmpty()) {
            throw new ProvisioningException(Kind.INVALID, "MissingRequiredProperty", "numbers is required",
                    "numbers");
        }
        NumberRules.checkBatch(telephoneNumbers);
        return ask(accountName, (client, tenant) -> client.availableCapabilities(tenant, telephoneNumbers));
    }

    private <T> T ask(String accountName, Call<T> call) {
        String tenant = accounts.get(accountName).details().teamsTenantId();
        if (tenant == null) {
            throw new ProvisioningException(Kind.CONFLICT, "TeamsTenantIdRequired", "account " + accountName
                    + " has no teamsTenantId, so Teams has nothing to say about it", "serviceDetails.teamsTenantId");
        }
        try {
            return call.on(link.client(), tenant);
        } catch (OperatorConnectException e) {
            Kind kind = e.retryable() ? Kind.BACKEND_UNAVAILABLE : e.status() == 404 ? Kind.NOT_FOUND
                    : Kind.BACKEND_REFUSED;
            throw new ProvisioningException(kind, e.code(), e.getMessage(), null);
        }
    }
}
