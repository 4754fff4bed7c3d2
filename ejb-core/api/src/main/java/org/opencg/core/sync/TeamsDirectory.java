package org.opencg.core.sync;

import java.util.List;

import org.opencg.core.sync.OperatorConnectClient.CapabilityPlan;
import org.opencg.core.sync.OperatorConnectClient.CivicAddress;

/**
 * What Teams knows about an account's tenant, asked live through the Operator Connect API (acg-behaviour.md §1.4
 * operations 11-14): civic addresses, capability plans and the capabilities numbers could have. A backend that does
 * not answer is 503, one that refuses is 502; an account without a Teams tenant is 409.
 */
public interface TeamsDirectory {

    String JNDI = "java:global/opencg/ejb-core/TeamsDirectoryBean!org.opencg.core.sync.TeamsDirectory";

    List<CivicAddress> civicAddresses(String accountName);

    CivicAddress civicAddress(String accountName, String civicAddressId);

    List<CapabilityPlan> capabilityPlans(String accountName);

    List<String> availableCapabilities(String accountName, List<String> telephoneNumbers);
}
