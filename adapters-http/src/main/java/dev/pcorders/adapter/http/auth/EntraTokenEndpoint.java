package dev.pcorders.adapter.http.auth;

import dev.pcorders.adapter.http.net.LoopbackHost;
import dev.pcorders.domain.shared.InputQuote;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how to ask Microsoft Entra ID for Partner Center tokens:
 * {@code POST {authority}/{tenant}/oauth2/v2.0/token}. {@code expiryBuffer} is how long before a
 * token's expiry it is treated as expired, so a request never leaves with a token that dies in flight.
 * Holds no secret.
 */
public record EntraTokenEndpoint(URI authority, String tenant, Duration expiryBuffer, Duration timeout) {

    public static final URI DEFAULT_AUTHORITY = URI.create("https://login.microsoftonline.com");
    public static final Duration DEFAULT_EXPIRY_BUFFER = Duration.ofSeconds(120);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The Partner Center audience; the old graph.windows.net audience is retired (401, code 900420). */
    public static final String PARTNER_CENTER_SCOPE = "https://api.partnercenter.microsoft.com/.default";

    // A tenant is a GUID or a domain name (contoso.onmicrosoft.com); it goes into a URL path.
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]{0,252}");

    public EntraTokenEndpoint {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(expiryBuffer, "expiryBuffer");
        Objects.requireNonNull(timeout, "timeout");
        if (!authority.isAbsolute() || authority.getHost() == null) {
            throw new IllegalArgumentException("authority must be an absolute URL, got " + InputQuote.quote(authority.toString()));
        }
        if (!"https".equalsIgnoreCase(authority.getScheme()) && !LoopbackHost.is(authority.getHost())) {
            // Client secrets and refresh tokens travel in the body: never in clear text off this machine.
            throw new IllegalArgumentException("authority must be https unless it is a loopback address, got "
                    + InputQuote.quote(authority.toString()));
        }
        if (!TENANT.matcher(tenant).matches()) {
            throw new IllegalArgumentException("tenant must be a GUID or a domain name, got " + InputQuote.quote(tenant));
        }
        if (expiryBuffer.isNegative()) {
            throw new IllegalArgumentException("expiryBuffer must not be negative, got " + expiryBuffer);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        String text = authority.toString();
        authority = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** The public Entra authority, a 120 s expiry buffer and a 30 s timeout. */
    public static EntraTokenEndpoint forTenant(String tenant) {
        return new EntraTokenEndpoint(DEFAULT_AUTHORITY, tenant, DEFAULT_EXPIRY_BUFFER, DEFAULT_TIMEOUT);
    }

    public EntraTokenEndpoint withAuthority(URI value) {
        return new EntraTokenEndpoint(value, tenant, expiryBuffer, timeout);
    }

    public EntraTokenEndpoint withExpiryBuffer(Duration value) {
        return new EntraTokenEndpoint(authority, tenant, value, timeout);
    }

    public EntraTokenEndpoint withTimeout(Duration value) {
        return new EntraTokenEndpoint(authority, tenant, expiryBuffer, value);
    }

    /** {@code {authority}/{tenant}/oauth2/v2.0/token}. */
    public URI tokenUri() {
        return URI.create(authority + "/" + tenant + "/oauth2/v2.0/token");
    }

}
