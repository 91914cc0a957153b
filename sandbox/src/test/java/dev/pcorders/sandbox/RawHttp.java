package dev.pcorders.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 exchange over a bare socket. The JDK client silently retries a GET whose connection
 * fails, which would hide exactly the faults under test; a socket shows what the server really sent.
 */
final class RawHttp {

    /** What came back before the connection ended: the bytes, and the exception that ended it, if any. */
    record Exchange(byte[] received, IOException failure) {
        String text() {
            return new String(received, StandardCharsets.ISO_8859_1);
        }
    }

    private RawHttp() {
    }

    static Exchange get(URI uri) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: " + Http.TOKEN + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received.write(buffer, 0, n);
                }
            } catch (IOException ended) {
                return new Exchange(received.toByteArray(), ended);
            }
            return new Exchange(received.toByteArray(), null);
        }
    }
}
