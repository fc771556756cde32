package dev.aicarbon.allocation;

/**
 * Raised when an amount or a weight does not fit the long arithmetic of the fast path (a scale
 * above {@value ExactSplit#SHARE_SCALE}, or an unscaled value or sum beyond a long). The run
 * is then redone in {@link java.math.BigDecimal}, which has no such limit.
 */
final class UnscaledOverflow extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnscaledOverflow(String reason) {
        super(reason, null, false, false);
    }
}
