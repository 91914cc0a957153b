package dev.pcorders.adapter.http.partnercenter;

import dev.pcorders.domain.shared.Link;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Where a collection's {@code links.next} may lead: the base URL's host only, by GET, with headers fit to replay. */
final class NextLinks {

    // A next link may ask for headers to be replayed (MS-ContinuationToken); never these, which are ours.
    private static final Set<String> OWN_HEADERS = Set.of("authorization", "host", "accept", "user-agent",
            "content-length", "transfer-encoding", "connection", "ms-correlationid", "ms-requestid", "ms-cv", "x-locale");

    private NextLinks() {
    }

    /**
     * Resolves a {@code links.next} uri (relative to the API root, or absolute) and refuses one that
     * leaves the base URL's scheme, host or port: the request would carry the bearer token there.
     */
    static URI resolve(Link next, PartnerCenterResponse from, PartnerCenterClientSettings settings) {
        if (!next.method().isBlank() && !next.method().equalsIgnoreCase("GET")) {
            throw from.malformed("links.next asks for method " + quoteShort(next.method()) + "; only GET is followed",
                    Optional.of("links.next.method"), null);
        }
        URI target;
        try {
            URI link = new URI(next.uri().strip());
            if (link.isAbsolute()) {
                target = link;
            } else if (link.getRawAuthority() != null) {
                // A scheme-relative link (//host/path) names a host: check it like an absolute one.
                target = URI.create(settings.baseUrl().getScheme() + ":" + link);
            } else {
                String root = settings.versionedRoot().toString();
                String raw = link.toString();
                String prefix = "/v" + settings.apiVersion() + "/";
                // Partner Center writes links relative to the versioned root (/customers/...); accept a
                // link that repeats the version too.
                target = URI.create(raw.startsWith(prefix) ? settings.baseUrl() + raw
                        : root + (raw.startsWith("/") ? raw : "/" + raw));
            }
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw from.malformed("links.next uri is not a URI: " + quoteShort(next.uri()), Optional.of("links.next.uri"), e);
        }
        URI base = settings.baseUrl();
        if (target.getScheme() == null || target.getHost() == null
                || !target.getScheme().equalsIgnoreCase(base.getScheme())
                || !target.getHost().equalsIgnoreCase(base.getHost())
                || effectivePort(target) != effectivePort(base)
                || target.getRawUserInfo() != null) {
            throw from.malformed("links.next points to " + quoteShort(target.getScheme() + "://" + target.getHost()
                    + ":" + effectivePort(target)) + ", not to the Partner Center base URL; it was not followed",
                    Optional.of("links.next.uri"), null);
        }
        for (Link.Header header : next.headers()) {
            if (!isToken(header.key()) || !isReplayableValue(header.value())) {
                throw from.malformed("links.next carries an invalid header " + quoteShort(header.key()),
                        Optional.of("links.next.headers"), null);
            }
        }
        return target;
    }

    /** Whether a header the link asks for goes out with the request: any but those the client sets itself. */
    static boolean isReplayed(Link.Header header) {
        return !OWN_HEADERS.contains(header.key().toLowerCase(Locale.ROOT));
    }

    private static boolean isToken(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0);
    }

    /**
     * Visible ASCII with spaces or tabs only inside: Netty refuses a value that starts with a space, and would send
     * anything beyond ASCII as '?', replaying a continuation token other than the one the service gave.
     */
    private static boolean isReplayableValue(String value) {
        if (!value.isEmpty() && (isSpaceOrTab(value.charAt(0)) || isSpaceOrTab(value.charAt(value.length() - 1)))) {
            return false;
        }
        return value.chars().allMatch(c -> (c > 0x20 && c < 0x7f) || isSpaceOrTab(c));
    }

    private static boolean isSpaceOrTab(int c) {
        return c == ' ' || c == '\t';
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String quoteShort(String text) {
        return dev.pcorders.domain.shared.InputQuote.quote(text);
    }
}
