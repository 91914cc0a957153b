package dev.pcorders.cli.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain socket server on 127.0.0.1 for the faults an HTTP server library will not commit: a reset in
 * the middle of a body, a body shorter than its Content-Length. Request n gets reply n of the script
 * (the last one again once the script is used up). Every request's headers go to a journal. One request
 * per connection: each reply ends by closing.
 */
final class RawHttpServer implements AutoCloseable {

    /** What the server does with one request's connection. */
    interface Reply {
        void send(Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final List<Map<String, String>> journal = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger received = new AtomicInteger();
    private volatile List<Reply> script = List.of(RawHttpServer.status(404));

    RawHttpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "raw-http-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Replaces the script and empties the journal. */
    void script(List<Reply> replies) {
        script = List.copyOf(replies);
        received.set(0);
        journal.clear();
    }

    /** The headers of every request so far (names lower case), in arrival order. */
    List<Map<String, String>> journal() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread handler = new Thread(() -> handle(socket), "raw-http-request");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            Map<String, String> headers = readHead(socket.getInputStream());
            if (headers == null) {
                return;
            }
            journal.add(headers);
            List<Reply> replies = script;
            int index = received.getAndIncrement();
            replies.get(Math.min(index, replies.size() - 1)).send(socket);
        } catch (IOException clientWentAway) {
            // The client gave up on this connection (a read timeout); nothing more to do with it.
        }
    }

    private static Map<String, String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0 || head.size() > 64 * 1024) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        Map<String, String> headers = new TreeMap<>();
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        headers.put(":request", lines[0]);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static byte[] head(int status, String contentType, long contentLength) {
        return ("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + contentLength
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static Reply status(int status) {
        return socket -> {
            OutputStream out = socket.getOutputStream();
            out.write(head(status, "application/json", 0));
            out.flush();
        };
    }

    static Reply json(byte[] body) {
        return socket -> {
            OutputStream out = socket.getOutputStream();
            out.write(head(200, "application/json; charset=utf-8", body.length));
            out.write(body);
            out.flush();
        };
    }

    /** Headers and half the body, then a TCP reset (SO_LINGER 0). */
    static Reply resetMidBody(byte[] body) {
        return socket -> {
            OutputStream out = socket.getOutputStream();
            out.write(head(200, "application/json", body.length));
            out.write(body, 0, body.length / 2);
            out.flush();
            pauseSoTheHalfBodyLeaves();
            socket.setSoLinger(true, 0);
        };
    }

    /** Headers promising the whole body, half of it, then an orderly close (FIN). */
    static Reply truncated(byte[] body) {
        return socket -> {
            OutputStream out = socket.getOutputStream();
            out.write(head(200, "application/json", body.length));
            out.write(body, 0, body.length / 2);
            out.flush();
            socket.shutdownOutput();
        };
    }

    // A reset discards what is still in the send buffer: let the half body reach the client first.
    private static void pauseSoTheHalfBodyLeaves() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
