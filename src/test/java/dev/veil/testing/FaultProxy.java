package dev.veil.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 proxy on a free loopback port in front of the local DynamoDB that answers a
 * share of the requests with a fault instead of (or on top of) the real response: DynamoDB's own
 * throttling errors, HTTP 500 and 503, a connection reset before or in the middle of the
 * response, or a slow response. The choice is random with a fixed seed, so a run can be repeated.
 * At most {@value #MAX_CONNECTIONS} connections are served at once; {@link #close} stops it all.
 */
public final class FaultProxy implements AutoCloseable {

    /** What goes wrong with a faulty request. */
    public enum Fault {
        PROVISIONED_THROUGHPUT_EXCEEDED,
        THROTTLING,
        HTTP_500,
        HTTP_503,
        RESET_BEFORE_RESPONSE,
        RESET_MID_RESPONSE,
        SLOW_RESPONSE;

        /** A lower-case name for test display names and reports. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** How long a slow response is held back. */
    public static final long SLOW_MILLIS = 400;
    private static final int MAX_CONNECTIONS = 64;
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final URI upstream;
    private final Fault fault;
    private final double rate;
    private final String onlyOperation;
    private final Random random;
    private final ServerSocket server;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final AtomicLong requests = new AtomicLong();
    private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private FaultProxy(URI upstream, Fault fault, double rate, String onlyOperation, long seed) throws IOException {
        this.upstream = upstream;
        this.fault = fault;
        this.rate = rate;
        this.onlyOperation = onlyOperation;
        this.random = new Random(seed);
        for (Fault f : Fault.values()) {
            injected.put(f, new AtomicLong());
        }
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        workers.submit(this::acceptLoop);
    }

    /** Starts a proxy to {@code upstream} that injects {@code fault} into {@code rate} (0..1) of the requests. */
    public static FaultProxy start(URI upstream, Fault fault, double rate, long seed) {
        return start(upstream, fault, rate, "", seed);
    }

    /**
     * Like {@link #start(URI, Fault, double, long)}, but faults only requests for one DynamoDB
     * operation ({@code "Scan"}), so that what comes before it (DescribeTable) goes through.
     */
    public static FaultProxy start(URI upstream, Fault fault, double rate, String onlyOperation, long seed) {
        try {
            return new FaultProxy(upstream, fault, rate, onlyOperation, seed);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fault proxy: " + e.getMessage(), e);
        }
    }

    /** The URL to give clients instead of the upstream one. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Requests received so far. */
    public long requests() {
        return requests.get();
    }

    /** Faults injected so far. */
    public long injected() {
        return injected.get(fault).get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (!slots.tryAcquire()) {
                    client.close();
                    continue;
                }
                workers.submit(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("fault proxy accept failed", e);
                }
            }
        }
    }

    /** Serves one keep-alive connection, request after request. */
    private void serve(Socket client) {
        open.add(client);
        try (client) {
            client.setSoTimeout(30_000);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (!closed) {
                byte[] request = readMessage(in);
                if (request == null) {
                    return;
                }
                requests.incrementAndGet();
                boolean faulty = concerns(request) && decide();
                if (faulty) {
                    injected.get(fault).incrementAndGet();
                }
                if (faulty && answerInstead(client, out)) {
                    continue;
                }
                if (faulty && fault == Fault.RESET_BEFORE_RESPONSE) {
                    reset(client);
                    return;
                }
                byte[] response = forward(request);
                if (faulty && fault == Fault.RESET_MID_RESPONSE) {
                    out.write(response, 0, response.length - Math.max(1, bodyLength(response) / 2));
                    out.flush();
                    reset(client);
                    return;
                }
                if (faulty && fault == Fault.SLOW_RESPONSE) {
                    Thread.sleep(SLOW_MILLIS);
                }
                out.write(response);
                out.flush();
            }
        } catch (IOException e) {
            // The client or the upstream went away: this connection is over.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
            slots.release();
        }
    }

    /** One request on its own upstream connection, so the upstream's idle timeouts never show. */
    private byte[] forward(byte[] request) throws IOException {
        try (Socket up = new Socket(upstream.getHost(), upstream.getPort())) {
            up.setSoTimeout(30_000);
            up.getOutputStream().write(request);
            up.getOutputStream().flush();
            byte[] response = readMessage(up.getInputStream());
            if (response == null) {
                throw new IOException("the upstream closed the connection without answering");
            }
            return response;
        }
    }

    private boolean concerns(byte[] request) {
        if (onlyOperation.isEmpty()) {
            return true;
        }
        String text = new String(request, StandardCharsets.ISO_8859_1);
        String head = text.substring(0, text.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        return head.contains("x-amz-target: dynamodb_20120810." + onlyOperation.toLowerCase(Locale.ROOT) + "\r\n")
                || head.endsWith("x-amz-target: dynamodb_20120810." + onlyOperation.toLowerCase(Locale.ROOT));
    }

    private synchronized boolean decide() {
        return random.nextDouble() < rate;
    }

    /** Writes DynamoDB's own error response for the error faults; false for the others. */
    private boolean answerInstead(Socket client, OutputStream out) throws IOException {
        String body;
        int status;
        switch (fault) {
            case PROVISIONED_THROUGHPUT_EXCEEDED -> {
                status = 400;
                body = error("com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                        "The level of configured provisioned throughput for the table was exceeded. "
                                + "Consider increasing your provisioning level with the UpdateTable API.");
            }
            case THROTTLING -> {
                status = 400;
                body = error("com.amazon.coral.availability#ThrottlingException",
                        "Rate of requests exceeds the allowed throughput.");
            }
            case HTTP_500 -> {
                status = 500;
                body = error("com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error");
            }
            case HTTP_503 -> {
                status = 503;
                body = error("com.amazonaws.dynamodb.v20120810#ServiceUnavailableException",
                        "Service unavailable");
            }
            default -> {
                return false;
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " Fault\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "x-amzn-RequestId: fault-" + requests.get() + "\r\nContent-Length: " + bytes.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return !client.isClosed();
    }

    private static String error(String type, String message) {
        return "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}";
    }

    /** Closes with a TCP reset rather than an orderly close. */
    private static void reset(Socket socket) throws SocketException {
        socket.setSoLinger(true, 0);
    }

    /**
     * Reads one HTTP message (head and a Content-Length body) whole; null at a clean end of stream.
     * Only what DynamoDB clients and dynalite send is supported: no chunked bodies.
     */
    static byte[] readMessage(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("connection ended inside a message head");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("message head too long");
            }
        }
        int length = contentLength(head.toString(StandardCharsets.ISO_8859_1));
        if (length > MAX_BODY_BYTES) {
            throw new IOException("message body too long");
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("connection ended inside a message body");
        }
        head.write(body);
        return head.toByteArray();
    }

    private static int contentLength(String head) throws IOException {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("transfer-encoding")) {
                throw new IOException("chunked messages are not supported");
            }
        }
        return 0;
    }

    private static int bodyLength(byte[] message) throws IOException {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        return contentLength(text.substring(0, text.indexOf("\r\n\r\n")));
    }

    /** A summary for reports: fault, rate, requests and injected faults. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s at %.0f%%: %d of %d requests", fault.label(), rate * 100,
                injected(), requests());
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // Already closed.
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
