package dev.aicarbon.service.api;

import java.math.BigDecimal;

/** How decimals leave the API: exact, without the storage scale's trailing zeros. */
public final class Decimals {

    private Decimals() {
    }

    /** 25.000000000000 reads as 25, 0E-12 as 0; null stays null (an absent figure). */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
