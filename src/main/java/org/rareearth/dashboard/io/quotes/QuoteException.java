package org.rareearth.dashboard.io.quotes;

import java.time.Duration;
import java.util.Optional;

/** A download that did not give daily prices, with the reason in plain words. */
public final class QuoteException extends RuntimeException {
    /** What went wrong, for the retry decision and for tests; the message says it to the user. */
    public enum Kind {
        /** The source does not know the ticker. */
        UNKNOWN_TICKER,
        /** The source asks to slow down (429, 503, or a note in the body). */
        RATE_LIMITED,
        /** The source refused the key, or needs one that is not set. */
        NOT_AUTHORISED,
        /** Any other HTTP error status. */
        HTTP,
        /** An answer that is not price data at all: a web page, an error text. */
        NOT_DATA,
        /** Price data that is cut short or does not follow the source's format. */
        MALFORMED,
        /** The server did not answer in time. */
        TIMEOUT,
        /** The server could not be reached. */
        NETWORK
    }

    private final Kind kind;
    private final transient Duration retryAfter;
    private final boolean last;

    public QuoteException(Kind kind, String message) {
        this(kind, message, null);
    }

    public QuoteException(Kind kind, String message, Duration retryAfter) {
        this(kind, message, retryAfter, false);
    }

    /** {@code last}: no retry helps (a daily limit used up), whatever the kind; the message says what to do. */
    public QuoteException(Kind kind, String message, Duration retryAfter, boolean last) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.last = last;
    }

    /** True when asking again after a wait may succeed: a request to slow down that is not a daily limit. */
    public boolean worthRetrying() {
        return kind == Kind.RATE_LIMITED && !last;
    }

    public Kind kind() {
        return kind;
    }

    /** How long the server asked to wait before the next request, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
