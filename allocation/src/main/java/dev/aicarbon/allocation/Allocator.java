package dev.aicarbon.allocation;

import java.util.List;

/** Splits provider emissions cells over usage lines and attributes them to ML projects. */
public final class Allocator {

    private final AllocationPolicy policy;

    public Allocator(AllocationPolicy policy) {
        this.policy = policy;
    }

    public AllocationResult allocate(List<EmissionsCell> cells, List<UsageLine> lines) {
        throw new UnsupportedOperationException("to be written");
    }
}
