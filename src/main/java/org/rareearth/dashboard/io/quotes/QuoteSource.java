package org.rareearth.dashboard.io.quotes;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;

/**
 * One provider of daily prices: how to ask it for a ticker's bars and how to read its answer. Each source is its
 * own small class; {@link QuoteClient} does the HTTP (pacing, timeouts, retries) for all of them.
 */
public interface QuoteSource {
    /** The id used on the command line and in a security's tickers: {@code yahoo}, {@code stooq}, {@code tiingo}. */
    String id();

    /** Scheme, host and port of the source's service; {@code --endpoint} replaces it. */
    URI defaultEndpoint();

    /** The pause between two requests to this source. */
    Duration pause();

    /**
     * The request for a ticker's daily bars from {@code from} (null: the whole history the source has) to {@code to},
     * against {@code endpoint} (scheme, host and port; the path and query are the source's own).
     */
    HttpRequest.Builder request(URI endpoint, String ticker, LocalDate from, LocalDate to);

    /** Reads a 200 answer's body; an error carried in it (a note, a page instead of data) is a {@link QuoteException}. */
    QuoteSeries parse(String ticker, String contentType, String body);

    /**
     * Reads an error status's body for the source's own reason (an unknown ticker, a refused key); null when the body
     * says nothing the status does not.
     */
    QuoteException error(String ticker, int status, String body);

    /** What a request sends, for the question asked before the first download. */
    String whatIsSent();
}
