package org.opencg.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Addresses allowed to talk to one of the gateway's faces: the Provisioning API (acg-behaviour.md §1.1: ACG accepts
 * only configured source addresses/CIDR ranges) and each SIP side. Each entry is an address or CIDR block, IPv4 or
 * IPv6; names are never resolved.
 */
public final class SourceAllowlist {

    private record Block(byte[] network, int bits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Block> blocks;
    private final String text;

    private SourceAllowlist(List<Block> blocks, String text) {
        this.blocks = blocks;
        this.text = text;
    }

    /** Parses a comma-separated list such as {@code 127.0.0.0/8, 10.1.2.3, 2001:db8::/32}. */
    public static SourceAllowlist parse(String list) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : list.split(",")) {
            String item = entry.trim();
            if (item.isEmpty()) {
                continue;
            }
            int slash = item.indexOf('/');
            String host = slash < 0 ? item : item.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("'" + item + "' is not an IP address or CIDR block");
            }
            byte[] network;
            try {
                network = InetAddress.getByName(host).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + item + "' is not an IP address or CIDR block", e);
            }
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(item.substring(slash + 1));
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("'" + item + "' has a prefix length out of range");
            }
            blocks.add(new Block(network, bits));
        }
        return new SourceAllowlist(List.copyOf(blocks), list);
    }

    /** Is this address inside one of the blocks? */
    public boolean allows(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** Does the list hold no block at all (so it allows nothing)? */
    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Is this literal address (as a servlet container reports it) inside one of the blocks? */
    public boolean allows(String address) {
        if (address == null || !address.matches("[0-9a-fA-F:.%a-zA-Z]+")) {
            return false;
        }
        try {
            byte[] bytes = InetAddress.getByName(address.replaceFirst("%.*$", "")).getAddress();
            return blocks.stream().anyMatch(b -> b.contains(bytes));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
