package dev.pcorders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** {@link Sandbox#start(SandboxSettings)}: what callers rely on to start, find and stop a sandbox. */
class SandboxLifecycleTest {

    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    @Test
    void startReturnsItsAddressAndCustomerIdsOnLoopbackAndAFreePortByDefault() {
        assertThat(SandboxSettings.defaults().host()).isEqualTo("127.0.0.1");
        assertThat(SandboxSettings.defaults().port()).isZero();
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults())) {
            assertThat(sandbox.isRunning()).isTrue();
            assertThat(sandbox.baseUrl().getScheme()).isEqualTo("http");
            assertThat(sandbox.baseUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(sandbox.baseUrl().getPort()).isEqualTo(sandbox.port()).isPositive();
            assertThat(sandbox.customerIds()).hasSize(SandboxSettings.defaults().customers()).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(id).matches(GUID));
            for (String customer : sandbox.customerIds()) {
                assertThat(Http.getOrders(sandbox, customer, "").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void portZeroGivesEachRunningSandboxItsOwnPort() {
        try (SandboxServer first = Sandbox.start(); SandboxServer second = Sandbox.start()) {
            assertThat(new HashSet<>(java.util.List.of(first.port(), second.port()))).hasSize(2);
            assertThat(Http.getOrders(first, first.customerIds().get(0), "").statusCode()).isEqualTo(200);
            assertThat(Http.getOrders(second, second.customerIds().get(0), "").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aChosenPortIsUsed() throws IOException {
        int port = freeLoopbackPort();
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withPort(port))) {
            assertThat(sandbox.port()).isEqualTo(port);
            assertThat(sandbox.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + port);
        }
    }

    @Test
    void itListensOnLoopbackOnlyNotOnEveryAddress() throws IOException {
        // Binding 127.0.0.2 on the sandbox's port succeeds only if the sandbox did not take the wildcard
        // address; no byte is sent anywhere but to 127.0.0.1.
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.2", 0));
        } catch (BindException noSecondLoopbackAddress) {
            assumeTrue(false, "127.0.0.2 is not a local address here (Linux has all of 127/8)");
        }
        try (SandboxServer sandbox = Sandbox.start()) {
            try (ServerSocket sameport = new ServerSocket()) {
                sameport.bind(new InetSocketAddress("127.0.0.2", sandbox.port()));
                assertThat(sameport.isBound()).isTrue();
            }
        }
    }

    @Test
    void closingStopsServingAndFreesThePortAndMayBeRepeated() throws IOException {
        SandboxServer sandbox = Sandbox.start();
        int port = sandbox.port();
        sandbox.close();
        assertThat(sandbox.isRunning()).isFalse();
        // close() waits for this port to refuse connections, so it must still know which port it was.
        assertThat(sandbox.port()).isEqualTo(port);
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        // try-with-resources after an explicit close() is common: a second close must be harmless.
        sandbox.close();
        assertThat(sandbox.isRunning()).isFalse();
    }

    @Test
    void aTakenPortFailsTheStartInsteadOfServingSomewhereElse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> Sandbox.start(SandboxSettings.defaults().withPort(taken.getLocalPort())))
                    .isInstanceOf(RuntimeException.class);
            assertThat(taken.isBound()).isTrue();
        }
    }
}
