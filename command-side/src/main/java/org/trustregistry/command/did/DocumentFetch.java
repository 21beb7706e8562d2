package org.trustregistry.command.did;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.SocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 GET of a DID document, sent to an address that was already looked up and checked —
 * never to a host name, so nothing is resolved a second time (no DNS rebinding between the check and
 * the connection). Over TLS the certificate is still verified for the host name (SNI and HTTPS
 * endpoint identification). The whole exchange has one deadline: a watchdog closes the socket when it
 * passes, whatever the exchange is waiting for. The body is counted while it arrives, with or without a
 * Content-Length, chunked or not, and abandoned past the size limit. Redirects are not followed.
 */
final class DocumentFetch {

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] ([0-9]{3})(?: .*)?");
    private static final Pattern CHUNK_SIZE = Pattern.compile("([0-9a-fA-F]{1,15})[ \\t]*(?:;.*)?");

    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private final SocketFactory sockets;
    private final SSLSocketFactory tls;
    private final long maxDocumentSize;

    DocumentFetch(SocketFactory sockets, SSLSocketFactory tls, long maxDocumentSize) {
        this.sockets = sockets;
        this.tls = tls;
        this.maxDocumentSize = maxDocumentSize;
    }

    /** The document's bytes from the first of {@code addresses} that accepts a connection, within the deadline. */
    byte[] get(DidWebLocation location, List<InetAddress> addresses, Deadline deadline) throws DidResolutionException {
        String source = location.url().toString();
        IOException refused = null;
        for (InetAddress address : addresses) {
            long remaining = deadline.remainingMillis();
            if (remaining <= 0) {
                throw deadline.timedOut(source);
            }
            Socket socket;
            try {
                socket = sockets.createSocket();
            } catch (IOException e) {
                throw couldNotFetch(source, e);
            }
            AtomicBoolean expired = new AtomicBoolean();
            ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
                expired.set(true);
                closeQuietly(socket);
            }, remaining, TimeUnit.MILLISECONDS);
            try {
                try {
                    socket.connect(new InetSocketAddress(address, location.port()), (int) remaining);
                } catch (IOException e) {
                    if (expired.get() || deadline.passed() || e instanceof SocketTimeoutException) {
                        throw deadline.timedOut(source);
                    }
                    refused = e; // try the next address
                    continue;
                }
                return exchange(socket, location, deadline, source);
            } catch (IOException e) {
                throw expired.get() || deadline.passed() || e instanceof SocketTimeoutException
                        ? deadline.timedOut(source)
                        : couldNotFetch(source, e);
            } finally {
                alarm.cancel(false);
                closeQuietly(socket);
            }
        }
        throw refused == null ? new DidResolutionException("Could not fetch " + source + ": no address", source, false)
                : couldNotFetch(source, refused);
    }

    private byte[] exchange(Socket socket, DidWebLocation location, Deadline deadline, String source)
            throws IOException, DidResolutionException {
        // a second bound besides the watchdog: no single read may wait longer than the whole deadline
        socket.setSoTimeout((int) Math.max(1, deadline.remainingMillis()));
        Socket channel = socket;
        if (location.secure()) {
            SSLSocket secured = (SSLSocket) tls.createSocket(socket, location.host(), location.port(), true);
            SSLParameters parameters = secured.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(location.host())));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secured.setSSLParameters(parameters);
            secured.startHandshake();
            channel = secured;
        }
        OutputStream out = channel.getOutputStream();
        out.write(("GET " + location.path() + " HTTP/1.1\r\n"
                + "Host: " + location.hostHeader() + "\r\n"
                + "Accept: application/did+json, application/json\r\n"
                + "Accept-Encoding: identity\r\n"
                + "User-Agent: trust-registry\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = new BufferedInputStream(channel.getInputStream());
        try {
            Head head = head(in);
            while (head.status() >= 100 && head.status() < 200) {
                head = head(in); // interim answers (103 Early Hints) precede the real one
            }
            if (head.status() != 200) {
                throw new DidResolutionException("Fetching " + source + " answered HTTP " + head.status(), source,
                        false);
            }
            if (head.transferEncoding() != null) {
                if (!head.transferEncoding().equals("chunked")) {
                    throw new Malformed("the transfer coding " + head.transferEncoding() + " instead of chunked");
                }
                return chunked(in);
            }
            if (head.contentLength() >= 0) {
                if (head.contentLength() > maxDocumentSize) {
                    throw tooLarge(source);
                }
                return exactly(in, (int) head.contentLength());
            }
            return untilClosed(in);
        } catch (TooLarge e) {
            throw tooLarge(source);
        } catch (Malformed e) {
            throw new DidResolutionException("Could not fetch " + source + ": it answered with " + e.getMessage(),
                    source, false);
        }
    }

    /** The answer broke HTTP/1.1; the message says how ("… answered with " + message). */
    private static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private record Head(int status, long contentLength, String transferEncoding) {
    }

    private static Head head(InputStream in) throws IOException, Malformed, TooLarge {
        Matcher status = STATUS_LINE.matcher(line(in));
        if (!status.matches()) {
            throw new Malformed("something that is not an HTTP/1.1 status line");
        }
        long contentLength = -1;
        String transferEncoding = null;
        for (int i = 0; ; i++) {
            String header = line(in);
            if (header.isEmpty()) {
                break;
            }
            int colon = header.indexOf(':');
            if (i == MAX_HEADERS || colon <= 0) {
                throw new Malformed("a malformed header, or too many");
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                if (!value.matches("[0-9]{1,18}") || (contentLength >= 0 && contentLength != Long.parseLong(value))) {
                    throw new Malformed("a malformed Content-Length");
                }
                contentLength = Long.parseLong(value);
            } else if (name.equals("transfer-encoding")) {
                String coding = value.toLowerCase(Locale.ROOT);
                transferEncoding = transferEncoding == null ? coding : transferEncoding + ", " + coding;
            }
        }
        return new Head(Integer.parseInt(status.group(1)), contentLength, transferEncoding);
    }

    private byte[] chunked(InputStream in) throws IOException, Malformed, TooLarge {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            Matcher size = CHUNK_SIZE.matcher(line(in));
            if (!size.matches()) {
                throw new Malformed("a malformed chunk");
            }
            long length = Long.parseLong(size.group(1), 16);
            if (length == 0) {
                while (!line(in).isEmpty()) {
                    // trailer fields: nothing we use
                }
                return body.toByteArray();
            }
            if (body.size() + length > maxDocumentSize) {
                throw new TooLarge();
            }
            body.writeBytes(exactly(in, (int) length));
            if (!line(in).isEmpty()) {
                throw new Malformed("a malformed chunk");
            }
        }
    }

    private byte[] untilClosed(InputStream in) throws IOException, Malformed, TooLarge {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (body.size() + (long) n > maxDocumentSize) {
                throw new TooLarge();
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    private static byte[] exactly(InputStream in, int length) throws IOException, Malformed, TooLarge {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new Malformed("fewer bytes than announced (the connection closed early)");
        }
        return bytes;
    }

    /** A line of the head, without its CRLF (or bare LF). */
    private static String line(InputStream in) throws IOException, Malformed, TooLarge {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new Malformed("an answer cut off in its head (the connection closed)");
            }
            if (line.length() == MAX_LINE) {
                throw new Malformed("a line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) b);
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    private DidResolutionException tooLarge(String source) {
        return new DidResolutionException("The DID document at " + source + " is larger than " + maxDocumentSize
                + " bytes", source, false);
    }

    private static DidResolutionException couldNotFetch(String source, IOException cause) {
        return new DidResolutionException("Could not fetch " + source + ": " + describe(cause), source, false);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        String name = cause.getClass().getSimpleName();
        return message == null ? name : name + " (" + (message.length() > 200 ? message.substring(0, 200) + "…"
                : message) + ")";
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "did-web-deadline");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(executor);
    }
}
