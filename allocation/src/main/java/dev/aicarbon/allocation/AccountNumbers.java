package dev.aicarbon.allocation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the accounts (provider, account id and month) of one run from 0, in the order first
 * seen. An account is looked up by its id alone and then told apart by provider and month
 * among the few keys sharing that id, so no key is built per line. Not thread-safe.
 */
final class AccountNumbers {

    private final Map<String, int[]> numbersById = new HashMap<>();
    private final List<AccountKey> keys = new ArrayList<>();

    int numberOf(UsageLine line) {
        return numberOf(line.provider(), line.accountId(), line.month());
    }

    int numberOf(EmissionsCell cell) {
        return numberOf(cell.provider(), cell.accountId(), cell.month());
    }

    int numberOf(AccountKey key) {
        return numberOf(key.provider(), key.accountId(), key.month());
    }

    AccountKey key(int number) {
        return keys.get(number);
    }

    int size() {
        return keys.size();
    }

    private int numberOf(String provider, String accountId, YearMonth month) {
        int[] candidates = numbersById.get(accountId);
        int known = candidates == null ? -1 : among(candidates, provider, month);
        if (known >= 0) {
            return known;
        }
        int number = keys.size();
        keys.add(new AccountKey(provider, accountId, month));
        int[] grown = candidates == null
                ? new int[1]
                : Arrays.copyOf(candidates, candidates.length + 1);
        grown[grown.length - 1] = number;
        numbersById.put(accountId, grown);
        return number;
    }

    private int among(int[] candidates, String provider, YearMonth month) {
        for (int number : candidates) {
            AccountKey key = keys.get(number);
            if (key.provider().equals(provider) && key.month().equals(month)) {
                return number;
            }
        }
        return -1;
    }
}
