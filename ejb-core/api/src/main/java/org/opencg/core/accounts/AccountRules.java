package org.opencg.core.accounts;

import java.util.regex.Pattern;

import org.opencg.core.accounts.ProvisioningException.Kind;

/**
 * The field rules of an account (acg-behaviour.md §1.4 path constraints, §1.5 schemas), as pure functions the API
 * and the portal share. Each failure names the field in JSON-path form, as Azure's {@code target} does.
 */
public final class AccountRules {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SUBDOMAIN = Pattern.compile("[A-Za-z0-9_-]{1,10}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9=_-]{1,100}");

    private AccountRules() {
    }

    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw invalid("InvalidAccountName",
                    "the account name must be 1 to 100 letters, digits, '_' or '-'", "accountName");
        }
    }

    public static void checkTenantId(String tenantId, String target) {
        if (tenantId == null || !GUID.matcher(tenantId).matches()) {
            throw invalid("InvalidTenantId", "the tenant id must be a GUID", target);
        }
    }

    public static void check(AccountDetails details) {
        if (details.correlationId() != null && details.correlationId().length() > 255) {
            throw invalid("InvalidCorrelationId", "correlationId is longer than 255 characters", "correlationId");
        }
        if (details.teamsTenantId() != null && !GUID.matcher(details.teamsTenantId()).matches()) {
            throw invalid("InvalidTeamsTenantId", "teamsTenantId must be a GUID",
                    "serviceDetails.teamsTenantId");
        }
        AccountDetails.DirectRouting dr = details.directRouting();
        if (dr != null && (dr.enabled() || dr.subdomain() != null)) {
            String config = "serviceDetails.teamsDirectRouting.configuration.";
            if (dr.subdomain() == null || !SUBDOMAIN.matcher(dr.subdomain()).matches()) {
                throw invalid("InvalidSubdomain",
                        "Direct Routing needs a subdomain of 1 to 10 letters, digits, '_' or '-'", config + "subdomain");
            }
            checkToken(dr.region1Token(), config + "subdomainTokens.region1Token");
            checkToken(dr.region2Token(), config + "subdomainTokens.region2Token");
        }
    }

    private static void checkToken(String token, String target) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw invalid("InvalidSubdomainToken",
                    "a subdomain token is 1 to 100 letters, digits, '=', '_' or '-'", target);
        }
    }

    private static ProvisioningException invalid(String code, String message, String target) {
        return new ProvisioningException(Kind.INVALID, code, message, target);
    }

    /** RFC 9110 §13.1.1: does an If-Match / If-None-Match value ("*" or a list of tags) name this entity tag? */
    public static boolean etagMatches(String header, String etag) {
        for (String tag : header.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*") || candidate.replaceFirst("^W/", "").equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** The entity tag of a stored version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
