package org.opencg.web.api;

import java.time.Instant;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.opencg.core.calls.CallRecord;
import org.opencg.core.calls.CallRecords;
import org.opencg.core.calls.MediaQuality;
import org.opencg.web.api.security.Allowed;

/**
 * OpenCG's addition to the ACG API: the latest call records of the SBC, newest first, optionally of one number
 * (calling or called). Admin role only.
 */
@Path("callRecords")
@Produces(MediaType.APPLICATION_JSON)
public class CallRecordsResource {

    /** A call record on the wire. */
    public record CallJson(String callId, String direction, String service, String tenant, String account,
            String calling, String called, String peer, Instant setup, Instant answered, Instant ended,
            long durationMs, int status, String reason, String endedBy, MediaQuality media) {

        static CallJson of(CallRecord r) {
            return new CallJson(r.callId(), r.direction(), r.service(), r.tenant(), r.account(), r.calling(),
                    r.called(), r.peer(), r.setup(), r.answered(), r.ended(), r.duration().toMillis(), r.status(),
                    r.reason(), r.endedBy(), r.media());
        }
    }

    /** The list's envelope, as ACG's lists have it. */
    public record Page(List<CallJson> value) {
    }

    @EJB(lookup = CallRecords.JNDI)
    CallRecords records;

    @Allowed({})
    @GET
    public Page latest(@QueryParam("top") Integer top, @QueryParam("number") String number) {
        return new Page(records.latest(top == null ? 100 : top, number).stream().map(CallJson::of).toList());
    }
}
