package dev.pcorders.sandbox;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Derives independent random streams from the sandbox seed, one per (purpose, customer, order), so any
 * order can be generated on its own, in any order, without generating the ones before it.
 */
final class Seeds {

    static final long CUSTOMER = 0x43555354L;
    static final long ORDER = 0x4f524452L;
    static final long FAULT = 0x46415554L;
    static final long RECONCILIATION = 0x5245434fL;
    static final long PARTNER = 0x50415254L;
    static final long TOKEN = 0x544f4b4eL;
    static final long SUBSCRIPTION = 0x53554253L;
    static final long LATENCY = 0x4c415445L;

    private static final char[] ID_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Seeds() {
    }

    static SplittableRandom random(long seed, long purpose, long first, long second) {
        return new SplittableRandom(mix(seed, purpose, first, second));
    }

    static long mix(long seed, long purpose, long first, long second) {
        long h = fmix(seed ^ 0x9E3779B97F4A7C15L);
        h = fmix(h ^ purpose * 0xC2B2AE3D27D4EB4FL);
        h = fmix(h ^ first * 0x165667B19E3779F9L);
        return fmix(h ^ second * 0x27D4EB2F165667C5L);
    }

    private static long fmix(long value) {
        long k = value;
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    static String guid(SplittableRandom random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    /** A new-commerce order id: 32 URL-safe characters and a trailing {@code 1}, as in the published samples. */
    static String orderId(SplittableRandom random) {
        char[] id = new char[33];
        for (int i = 0; i < 32; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        id[32] = '1';
        return new String(id);
    }

    static String hex(SplittableRandom random, int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = HEX[random.nextInt(16)];
        }
        return new String(text);
    }

    static String upperAlphanumeric(SplittableRandom random, int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(36);
            text[i] = (char) (pick < 10 ? '0' + pick : 'A' + pick - 10);
        }
        return new String(text);
    }

    static String digits(SplittableRandom random, int length) {
        char[] text = new char[length];
        text[0] = (char) ('1' + random.nextInt(9));
        for (int i = 1; i < length; i++) {
            text[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(text);
    }
}
