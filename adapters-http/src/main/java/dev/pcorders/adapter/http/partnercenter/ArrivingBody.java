package dev.pcorders.adapter.http.partnercenter;

import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Unavailable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * A 2xx body read as it comes off the connection. Two failures are told apart from whatever a decoder
 * makes of the bytes, and thrown as the port's exceptions so that they pass through a JSON parser
 * unchanged: the connection failing part-way or too slowly ({@link Unavailable}, and {@link #cutInTransit()}
 * says so, for the retry decision) and a body passing the configured cap ({@link MalformedResponse}, "too large").
 *
 * <p>The read timeout bounds each part a reader asks for, as it bounded a whole response when responses were
 * read whole: the headers and the first part from the request on, then each further part from when it is asked
 * for (the time the consumer spends between parts does not count). Netty's own read timeout catches a silent
 * connection; this deadline catches one that dribbles. Checked when a read returns, so it trips at most one
 * silence (shorter than the read timeout) late.
 */
final class ArrivingBody extends InputStream {

    private final InputStream connection;
    private final long maxBytes;
    private final PartnerCenterResponse response;
    private final Duration partTimeout;
    private long partDeadline;
    private long received;
    private boolean cutInTransit;

    ArrivingBody(InputStream connection, long maxBytes, PartnerCenterResponse response, Duration partTimeout,
            long sentAtNanos) {
        this.connection = connection;
        this.maxBytes = maxBytes;
        this.response = response;
        this.partTimeout = partTimeout;
        this.partDeadline = sentAtNanos + partTimeout.toNanos();
    }

    /** The next part is asked for now. */
    void startPart() {
        partDeadline = System.nanoTime() + partTimeout.toNanos();
    }

    boolean cutInTransit() {
        return cutInTransit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        int n;
        try {
            n = connection.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            if (e instanceof PartnerCenterException) {
                throw (PartnerCenterException) e;
            }
            cutInTransit = true;
            throw new Unavailable(response.what() + ": the connection failed after " + received
                    + " bytes of the response body (" + PartnerCenterHttp.describeFailure(e) + ")", response.describe(), e);
        }
        if (System.nanoTime() - partDeadline > 0) {
            cutInTransit = true;
            throw new Unavailable(response.what() + ": the response body came too slowly: the part being read had not"
                    + " arrived " + partTimeout.toMillis() + " ms after it was asked for (partner-center.read-timeout"
                    + " and a second), " + received + " bytes in", response.describe(), null);
        }
        if (n > 0) {
            received += n;
            if (received > maxBytes) {
                throw tooLarge(response, maxBytes, "more than " + maxBytes + " bytes arrived");
            }
        }
        return n;
    }

    static MalformedResponse tooLarge(PartnerCenterResponse response, long maxBytes, String detail) {
        return response.malformed(response.what() + ": the response body is too large for the " + maxBytes
                + " bytes allowed by partner-center.max-body-bytes (" + detail + "); reading stopped", Optional.empty(), null);
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
