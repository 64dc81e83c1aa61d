package org.rareearth.dashboard.io.quotes;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of every quote source: one request at a time per source with the source's pause between two,
 * a time limit on each answer, retries with growing waits when the source asks to slow down (429, 503, or a note
 * in the body), honouring {@code Retry-After}, and a plain message for everything else. The only class of the app
 * that opens network connections; it does so only when a download was asked for.
 */
public final class QuoteClient {
    private static final Logger LOG = LoggerFactory.getLogger(QuoteClient.class);
    /** No daily price history comes near this; a larger answer is not one. */
    static final int MAX_BODY = 64 * 1024 * 1024;
    private static final String USER_AGENT = "Mozilla/5.0 (compatible; RareEarthDashboard; daily prices)";

    /** Waits; tests pass one that records the waits instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * Limits: the time an answer may take, the retries after a request to slow down, the longest wait the client
     * accepts from a {@code Retry-After}, the first backoff (doubled on each retry), and the pause between requests
     * (null: each source's own).
     */
    public record Limits(Duration timeout, int retries, Duration maxWait, Duration firstBackoff, Duration pause) {
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(30), 3, Duration.ofMinutes(2), Duration.ofSeconds(2), null);
        }
    }

    private HttpClient http;
    private final Limits limits;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Map<String, Long> lastRequest = new HashMap<>();

    public QuoteClient(Limits limits, Sleeper sleeper, Clock clock) {
        this.limits = limits;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** Made at the first download: until then the app holds no HTTP client at all. */
    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(limits.timeout())
                    .followRedirects(HttpClient.Redirect.NORMAL).proxy(Proxies.selector()).build();
        }
        return http;
    }

    /** The client the app uses: default limits, real waits, the system clock. */
    public static QuoteClient standard() {
        return new QuoteClient(Limits.defaults(), d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
    }

    /**
     * Downloads a ticker's daily bars. {@code cancelled} is polled while waiting; a cancel ends the call with a
     * {@link CancellationException}.
     */
    public QuoteSeries fetch(QuoteSource source, URI endpoint, String ticker, LocalDate from, LocalDate to,
                             BooleanSupplier cancelled) {
        String name = QuoteSources.displayName(source);
        Duration backoff = limits.firstBackoff();
        for (int attempt = 0; ; attempt++) {
            QuoteException slowDown;
            try {
                HttpRequest request = source.request(endpoint, ticker, from, to).header("User-Agent", USER_AGENT)
                        .timeout(limits.timeout()).GET().build();
                pace(source, cancelled);
                Answer a = send(name, request, cancelled);
                if (a.status() == 200) {
                    return source.parse(ticker, a.contentType(), a.text());
                }
                if (a.status() == 429 || a.status() == 503) {
                    throw new QuoteException(QuoteException.Kind.RATE_LIMITED, name + " asks to slow down (HTTP "
                            + a.status() + ")", retryAfter(a.retryAfter()).orElse(null));
                }
                QuoteException own = source.error(ticker, a.status(), a.text());
                if (own != null) {
                    throw own;
                }
                throw new QuoteException(a.status() == 401 || a.status() == 403 ? QuoteException.Kind.NOT_AUTHORISED
                        : a.status() == 404 ? QuoteException.Kind.UNKNOWN_TICKER : QuoteException.Kind.HTTP,
                        name + " answered HTTP " + a.status() + " for " + ticker
                                + (a.text().isBlank() ? "" : " (\"" + Answers.snippet(a.text()) + "\")"));
            } catch (QuoteException e) {
                if (!e.worthRetrying()) {
                    throw e;
                }
                slowDown = e;
            }
            Duration wait = slowDown.retryAfter().orElse(backoff);
            if (wait.compareTo(limits.maxWait()) > 0) {
                throw new QuoteException(QuoteException.Kind.RATE_LIMITED, slowDown.getMessage() + " and to wait "
                        + words(wait) + " before the next request; try again later", slowDown.retryAfter().orElse(null));
            }
            if (attempt >= limits.retries()) {
                throw new QuoteException(QuoteException.Kind.RATE_LIMITED, slowDown.getMessage() + ", still after "
                        + (attempt + 1) + " tries; try again later", slowDown.retryAfter().orElse(null));
            }
            LOG.info("{} asks to slow down; waiting {} before trying {} again", name, words(wait), ticker);
            sleep(wait, cancelled);
            backoff = backoff.multipliedBy(2);
        }
    }

    /** One answer: status, content type, Retry-After and body. */
    private record Answer(int status, String contentType, String retryAfter, String text) {}

    private Answer send(String name, HttpRequest request, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        CompletableFuture<Answer> f = http().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(r -> {
                    try (InputStream in = r.body()) {
                        byte[] bytes = in.readNBytes(MAX_BODY + 1);
                        if (bytes.length > MAX_BODY) {
                            throw new QuoteException(QuoteException.Kind.NOT_DATA, name + " sent more than "
                                    + MAX_BODY / (1024 * 1024) + " MB; that is not a daily price history");
                        }
                        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                                r.headers().firstValue("Retry-After").orElse(null),
                                new String(bytes, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        long limit = limits.timeout().toNanos();
        while (true) {
            try {
                Answer a = f.get(100, TimeUnit.MILLISECONDS);
                LOG.info("GET {} -> {} ({} bytes, {} ms)", request.uri(), a.status(), a.text().length(),
                        (System.nanoTime() - started) / 1_000_000);
                return a;
            } catch (TimeoutException e) {
                if (cancelled.getAsBoolean()) {
                    f.cancel(true);
                    throw new CancellationException("the download was cancelled");
                }
                if (System.nanoTime() - started > limit) {
                    f.cancel(true);
                    throw timeout(name, request.uri());
                }
            } catch (InterruptedException e) {
                f.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancellationException("the download was interrupted");
            } catch (ExecutionException e) {
                throw failure(name, request.uri(), e.getCause());
            }
        }
    }

    private QuoteException timeout(String name, URI uri) {
        return new QuoteException(QuoteException.Kind.TIMEOUT, name + " did not answer within "
                + words(limits.timeout()) + " (" + uri.getHost() + "); try again later");
    }

    private QuoteException failure(String name, URI uri, Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.io.UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof QuoteException q) {
            return q;
        }
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        if (t instanceof HttpConnectTimeoutException) {
            return new QuoteException(QuoteException.Kind.TIMEOUT, "cannot connect to " + name + " (" + host
                    + ") within " + words(limits.timeout()));
        }
        if (t instanceof HttpTimeoutException) {
            return timeout(name, uri);
        }
        if (t instanceof ConnectException) {
            return new QuoteException(QuoteException.Kind.NETWORK, "cannot connect to " + name + " (" + host
                    + "): the connection was refused or there is no network");
        }
        if (t instanceof UnknownHostException) {
            return new QuoteException(QuoteException.Kind.NETWORK, "cannot find " + host + " (" + name
                    + "): no network, or a proxy is needed");
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new QuoteException(QuoteException.Kind.NETWORK, "the connection to " + name + " (" + host
                + ") broke off before the answer was complete (" + m + ")");
    }

    private void pace(QuoteSource source, BooleanSupplier cancelled) {
        Duration pause = limits.pause() != null ? limits.pause() : source.pause();
        Long last = lastRequest.get(source.id());
        if (last != null) {
            long left = pause.toNanos() - (System.nanoTime() - last);
            if (left > 0) {
                sleep(Duration.ofNanos(left), cancelled);
            }
        }
        lastRequest.put(source.id(), System.nanoTime());
    }

    /** Sleeps in short steps, so that a cancel is seen at once. */
    private void sleep(Duration d, BooleanSupplier cancelled) {
        Duration left = d;
        Duration step = Duration.ofMillis(200);
        try {
            while (!left.isNegative() && !left.isZero()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("the download was cancelled");
                }
                Duration now = left.compareTo(step) < 0 ? left : step;
                sleeper.sleep(now);
                left = left.minus(now);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the download was interrupted");
        }
    }

    /** Retry-After as seconds or as an HTTP date. */
    Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.chars().allMatch(Character::isDigit) && h.length() < 10) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(h)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String words(Duration d) {
        long s = d.toSeconds();
        if (s < 1) {
            return d.toMillis() + " ms";
        }
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " minutes";
        }
        return (s / 3600) + " hours";
    }
}
