package dev.aicarbon.allocation;

import java.util.Arrays;

/**
 * A map from long keys to int values with open addressing over primitive arrays: lookups by a
 * packed key cost no allocation and no boxing. Values are never negative; -1 means absent.
 * Not thread-safe.
 */
final class LongIntMap {

    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, -1);
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
            if (values[slot] == -1) {
                return -1;
            }
            if (keys[slot] == key) {
                return values[slot];
            }
        }
    }

    /** Sets {@code key} to {@code value}, not negative; the key must be absent. */
    void put(long key, int value) {
        if (2 * (size + 1) > keys.length) {
            rehash();
        }
        int mask = keys.length - 1;
        int slot = spread(key) & mask;
        while (values[slot] != -1) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
        size++;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(values, -1);
        size = 0;
        for (int slot = 0; slot < oldKeys.length; slot++) {
            if (oldValues[slot] != -1) {
                put(oldKeys[slot], oldValues[slot]);
            }
        }
    }

    /** Murmur3's 64-bit finaliser: every key bit moves the low bits used for the slot. */
    private static int spread(long key) {
        long mixed = (key ^ (key >>> 33)) * 0xFF51_AFD7_ED55_8CCDL;
        mixed = (mixed ^ (mixed >>> 33)) * 0xC4CE_B9FE_1A85_EC53L;
        return (int) (mixed ^ (mixed >>> 33));
    }
}
