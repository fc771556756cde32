package dev.aicarbon.allocation;

import java.time.YearMonth;

/** The provider, account and month that cells and usage lines are matched within. */
record AccountKey(String provider, String accountId, YearMonth month) {

    static AccountKey of(EmissionsCell cell) {
        return new AccountKey(cell.provider(), cell.accountId(), cell.month());
    }

    static AccountKey of(UsageLine line) {
        return new AccountKey(line.provider(), line.accountId(), line.month());
    }
}
