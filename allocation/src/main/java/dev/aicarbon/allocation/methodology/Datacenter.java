package dev.aicarbon.allocation.methodology;

import java.util.Objects;

/** A datacenter and the region whose consumers its emissions are attributed to. */
public record Datacenter(String datacenter, String region) {

    public Datacenter {
        Objects.requireNonNull(datacenter, "datacenter");
        Objects.requireNonNull(region, "region");
    }
}
