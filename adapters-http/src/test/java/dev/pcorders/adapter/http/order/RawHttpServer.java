package dev.pcorders.adapter.http.order;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on 127.0.0.1 that hands each request's path to a handler writing the response bytes itself,
 * so a test decides when each piece of a body goes out and can cut a chunked body off mid-way. One connection at
 * a time; every response closes its connection.
 */
final class RawHttpServer implements AutoCloseable {

    /** Writes the whole response, status line included, or throws to cut the connection. */
    @FunctionalInterface
    interface Handler {
        void respond(String path, OutputStream out) throws Exception;
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    RawHttpServer(Handler handler) throws IOException {
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.handler = handler;
        this.acceptor = new Thread(this::serve, "raw-http-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    int requests() {
        return requests.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
                String requestLine = in.readLine();
                for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                    // headers are not needed here
                }
                if (requestLine == null) {
                    continue;
                }
                requests.incrementAndGet();
                try {
                    handler.respond(requestLine.split(" ")[1], connection.getOutputStream());
                } catch (Exception cut) {
                    // The test asked for the connection to end here; closing the socket does it.
                }
            } catch (IOException closed) {
                // the server is closing, or the client went away
            }
        }
    }

    /** The status line and headers of a 200 whose body follows in chunks. */
    static void startChunked(OutputStream out) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return;
        }
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    static void endChunks(OutputStream out) throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A whole 200 with a Content-Length. */
    static void fixedLength(OutputStream out, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
