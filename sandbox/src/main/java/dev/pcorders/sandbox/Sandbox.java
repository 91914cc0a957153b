package dev.pcorders.sandbox;

/**
 * The sandbox's entry point: a local Partner Center look-alike for integration tests, the demo and
 * the benchmarks.
 * <pre>{@code
 * try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withSeed(7))) {
 *     URI api = sandbox.baseUrl();                       // GET {api}/v1/customers/{id}/orders
 *     String customer = sandbox.customerIds().get(0);
 *     ...
 * }
 * }</pre>
 */
public final class Sandbox {

    private Sandbox() {
    }

    /** Starts a server on {@code settings.host()}:{@code settings.port()} (0 = a free port). */
    public static SandboxServer start(SandboxSettings settings) {
        return SandboxServer.start(settings);
    }

    /** Starts a server with {@link SandboxSettings#defaults()}. */
    public static SandboxServer start() {
        return start(SandboxSettings.defaults());
    }

    /** The data of {@code settings} without a server: for writing order files and reconciliation exports. */
    public static SandboxData data(SandboxSettings settings) {
        return SandboxData.generate(settings);
    }
}
