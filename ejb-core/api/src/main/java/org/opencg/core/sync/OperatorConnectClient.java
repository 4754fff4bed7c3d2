package org.opencg.core.sync;

import java.util.List;

import org.opencg.core.numbers.TeamsNumberConfig;

/**
 * What OpenCG needs of Microsoft's Operator Connect APIs (acg-behaviour.md §5). Microsoft does not publish them, so
 * the gateway talks to them only through this interface; {@code HttpOperatorConnectClient} implements it over the
 * REST shape documented in docs/operator-connect-api.md, which the Operator Connect emulator serves and an operator
 * with the private specification can bridge to the real service. Every method throws
 * {@link OperatorConnectException} saying whether trying again later may help.
 */
public interface OperatorConnectClient {

    /** The consents (requests for information) of every enterprise that chose this operator in Teams. */
    List<Consent> consents() throws OperatorConnectException;

    /** Records the operator's relationship with the enterprise on its consent. */
    void updateCustomerRelationship(String tenantId, String status, String comment) throws OperatorConnectException;

    /** "Partner consent": the tenant has consented to this operator (404 → not found, not retryable). */
    void checkTenant(String tenantId) throws OperatorConnectException;

    /**
     * "TN upload to account": uploads (or updates) a number for the tenant under a service
     * ({@code OperatorConnect} or {@code TeamsPhoneMobile}); returns Teams' capability answer.
     */
    Capabilities uploadNumber(String tenantId, String telephoneNumber, String service, String assignmentStatus,
            TeamsNumberConfig config) throws OperatorConnectException;

    /** "Release TN": the number leaves the tenant. Releasing a number Teams does not hold succeeds. */
    void releaseNumber(String tenantId, String telephoneNumber) throws OperatorConnectException;

    List<CivicAddress> civicAddresses(String tenantId) throws OperatorConnectException;

    List<CapabilityPlan> capabilityPlans(String tenantId) throws OperatorConnectException;

    List<String> availableCapabilities(String tenantId, List<String> telephoneNumbers)
            throws OperatorConnectException;

    /**
     * "CallDuration upload" (acg-behaviour.md §5): the duration the gateway measured of one answered Operator Connect
     * or Teams Phone Mobile call, so that Teams shows the operator's figure. The call's id is the idempotency key:
     * a repeat (the outbox retrying after a lost answer) is recognised and succeeds without counting twice.
     */
    void uploadCallDuration(String tenantId, CallDuration duration) throws OperatorConnectException;

    /**
     * One call's duration: {@code id} unique per call record, the Teams user's number, the direction as the gateway
     * records it, the answer time, the duration measured from answer to end and the duration billed (the measured
     * one after the deployment's rounding, {@link CallDurationRounding}).
     */
    record CallDuration(String id, String telephoneNumber, String direction, String answeredAt, long durationMs,
            long billedMs) {
    }

    /** Teams' answer for an uploaded number. */
    record Capabilities(List<String> acquired, List<String> available) {
    }

    /** An enterprise's consent as Teams holds it (RequestForInformationResource's read-only part). */
    record Consent(String tenantId, String operatorId, String status, String consentedOn, String lastModifiedOn,
            List<String> consentedCountries, List<Contact> contacts, String relationshipStatus,
            String relationshipComment, String relationshipModifiedOn) {
    }

    record Contact(String fullName, String email, String telephoneNumber, String companyName, String companySize) {
    }

    /** TeamsCapabilityPlan (acg-behaviour.md §1.5). */
    record CapabilityPlan(String name, List<String> offerTypes, String usage, List<String> mandatoryCapabilities,
            List<String> choosableCapabilities, boolean supportsTollFree) {
    }

    /** TeamsCivicAddressResource with its locations (acg-behaviour.md §1.5). */
    record CivicAddress(String id, String country, String houseNumber, String houseNumberSuffix,
            String preDirectional, String streetName, String streetSuffix, String postDirectional,
            String stateOrProvince, String countyOrDistrict, String cityOrTown, String cityOrTownAlias,
            String postalOrZipCode, String description, String companyName, String companyId,
            String defaultLocationId, String validationStatus, String tenantId, String partnerId,
            List<Location> locations, String latitude, String longitude) {
    }

    record Location(String id, String civicAddressId, String description, String additionalInfo, boolean isDefault,
            String elin) {
    }
}
