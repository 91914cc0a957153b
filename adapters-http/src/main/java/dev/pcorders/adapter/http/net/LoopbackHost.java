package dev.pcorders.adapter.http.net;

import java.util.regex.Pattern;

/**
 * Whether a URL's host is this machine, the one place plain http is allowed (a local sandbox): a bearer
 * token or client secret sent in clear text must never leave it. Decided on the name's exact shape, so
 * {@code 127.attacker.example} is not mistaken for {@code 127.0.0.1}.
 */
public final class LoopbackHost {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private LoopbackHost() {
    }

    public static boolean is(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost") || IPV4_LOOPBACK.matcher(bare).matches()
                || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1");
    }
}
