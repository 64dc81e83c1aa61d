package org.rareearth.dashboard.testdata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A quote source's stand-in on the loopback address, for tests: answers queued per ticker (or made by a function),
 * every request kept for the test to look at. No test goes to the real network.
 */
public final class QuoteServer implements AutoCloseable {
    /** One answer: status, headers, body; {@code hold} keeps the answer back until released (a slow server). */
    public record Answer(int status, Map<String, String> headers, String body, CountDownLatch hold) {
        public static Answer ok(String contentType, String body) {
            return new Answer(200, Map.of("Content-Type", contentType), body, null);
        }

        public static Answer status(int status, String contentType, String body) {
            return new Answer(status, Map.of("Content-Type", contentType), body, null);
        }

        public static Answer withHeader(int status, String name, String value, String body) {
            return new Answer(status, Map.of(name, value, "Content-Type", "text/plain"), body, null);
        }

        public static Answer held(CountDownLatch hold) {
            return new Answer(200, Map.of("Content-Type", "application/json"), "{}", hold);
        }
    }

    /** A request as the server saw it. */
    public record Seen(String method, URI uri, Map<String, List<String>> headers) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final Map<String, List<Answer>> queued = new java.util.LinkedHashMap<>();
    private final Map<String, Integer> served = new java.util.HashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<CountDownLatch> holds = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<Seen, Answer> fallback = s -> Answer.status(404, "text/plain", "not found");

    public QuoteServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "quote-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT}, for {@code --endpoint}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Queues answers for requests whose path and query contain {@code key} (a ticker): each request takes the next,
     * and the last one is given again once all were served.
     */
    public QuoteServer on(String key, Answer... answers) {
        synchronized (queued) {
            queued.computeIfAbsent(key, k -> new ArrayList<>()).addAll(List.of(answers));
        }
        return this;
    }

    /** The answer for requests that match nothing queued. */
    public QuoteServer otherwise(Function<Seen, Answer> f) {
        fallback = f;
        return this;
    }

    public List<Seen> requests() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        Seen s = new Seen(ex.getRequestMethod(), ex.getRequestURI(), Map.copyOf(ex.getRequestHeaders()));
        seen.add(s);
        String target = ex.getRequestURI().getRawPath() + "?" + ex.getRequestURI().getRawQuery();
        String decoded = ex.getRequestURI().getPath() + "?" + ex.getRequestURI().getQuery();
        Answer a = null;
        synchronized (queued) {
            for (Map.Entry<String, List<Answer>> e : queued.entrySet()) {
                if (target.contains(e.getKey()) || decoded.contains(e.getKey())) {
                    int n = served.merge(e.getKey(), 1, Integer::sum) - 1;
                    a = e.getValue().get(Math.min(n, e.getValue().size() - 1));
                    break;
                }
            }
        }
        if (a == null) {
            a = fallback.apply(s);
        }
        try {
            if (a.hold() != null) {
                holds.add(a.hold());
                a.hold().await();
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (a timeout in the test): nothing to answer
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        synchronized (holds) {
            holds.forEach(CountDownLatch::countDown);
        }
        server.stop(0);
    }
}
