package org.opencg.sip.container;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;

import org.opencg.core.health.HealthProbe;
import org.opencg.core.health.ProbeResult;

/** The SIP side is up when the stack runs and every configured listening point answers from outside. */
@Stateless
@Local(HealthProbe.class)
public class SipListenerProbe implements HealthProbe {

    @EJB
    SipContainer stack;

    @Override
    public ProbeResult probe() {
        List<ListeningPointSpec> listening = stack.listening();
        if (listening.isEmpty()) {
            return ProbeResult.down("SIP stack is not running");
        }
        Map<String, String> data = new LinkedHashMap<>();
        listening.forEach(spec -> data.merge(spec.name(), spec.toString(), (a, b) -> a + "," + b));
        for (ListeningPointSpec spec : listening) {
            Optional<String> problem = ListenerCheck.problem(spec);
            if (problem.isPresent()) {
                return ProbeResult.down(problem.get(), data);
            }
        }
        return ProbeResult.up(data);
    }
}
