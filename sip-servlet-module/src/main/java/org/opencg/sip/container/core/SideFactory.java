package org.opencg.sip.container.core;

import java.util.ArrayList;
import java.util.List;

import javax.sip.ListeningPoint;
import javax.sip.SipProvider;

import org.opencg.sip.container.JainFactories;

/** Collects the sides as the stack creates their providers. */
public final class SideFactory {

    private final JainFactories factories;
    private final List<Side> sides = new ArrayList<>();

    public SideFactory(JainFactories factories) {
        this.factories = factories;
    }

    public void add(String name, SipProvider provider, List<ListeningPoint> points) {
        sides.add(new Side(name, provider, List.copyOf(points), factories));
    }

    public List<SipProvider> providers() {
        return sides.stream().map(Side::provider).toList();
    }

    public Sides build() {
        return new Sides(sides);
    }
}
