package org.rareearth.dashboard.io.quotes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** What the sources' readers share: building a request's address, reading JSON, and naming an answer that is not data. */
final class Answers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {}

    /** The endpoint's scheme, host and port with the source's own path and query. */
    static URI at(URI endpoint, String pathAndQuery) {
        return URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + pathAndQuery);
    }

    /** True when the body looks like a web page rather than data. */
    static boolean isHtml(String contentType, String body) {
        // Markup (<!DOCTYPE, <html, a bare tag) or a page's content type; prices never start with '<'.
        return body.stripLeading().startsWith("<")
                || contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html");
    }

    /** True when a text says the client is asking too often. */
    static boolean isRateLimitNote(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("too many requests") || t.contains("rate limit") || t.contains("call frequency")
                || t.contains("request allocation") || t.contains("hits limit") || t.contains("try again later");
    }

    /** The body's first words, quoted for a message. */
    static String snippet(String body) {
        String flat = body.replaceAll("<[^>]*>", " ").replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return flat.length() > 100 ? flat.substring(0, 99) + "…" : flat;
    }

    /** The answer for a body that is not what the source sends, after the source's own checks. */
    static QuoteException notData(String sourceName, String ticker, String contentType, String body) {
        if (body.isBlank()) {
            return new QuoteException(QuoteException.Kind.MALFORMED, sourceName + " sent an empty answer for "
                    + ticker);
        }
        if (isRateLimitNote(snippet(body))) {
            return new QuoteException(QuoteException.Kind.RATE_LIMITED, sourceName + " asks to slow down: \""
                    + snippet(body) + "\"");
        }
        if (isHtml(contentType, body)) {
            return new QuoteException(QuoteException.Kind.NOT_DATA, sourceName + " sent a web page instead of prices"
                    + " for " + ticker + " (\"" + snippet(body) + "\"); the service may have changed, or may want a"
                    + " browser check: download the prices in a browser and import the file");
        }
        return new QuoteException(QuoteException.Kind.NOT_DATA, sourceName + " sent something other than prices"
                + " for " + ticker + ": \"" + snippet(body) + "\"");
    }

    static JsonNode json(String sourceName, String ticker, String contentType, String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String b = body.stripLeading();
            if (b.startsWith("{") || b.startsWith("[")) {
                var at = e.getLocation();
                return throwMalformed(sourceName + " sent prices for " + ticker + " that are cut short or are not"
                        + " valid JSON" + (at == null ? "" : " (at character " + at.getCharOffset() + " of "
                        + body.length() + ")"));
            }
            throw notData(sourceName, ticker, contentType, body);
        }
    }

    static <T> T throwMalformed(String message) {
        throw new QuoteException(QuoteException.Kind.MALFORMED, message);
    }

    /** A number or null; anything else (a string, an object) is a malformed answer naming the field. */
    static Double number(String sourceName, JsonNode n, String field, Object where) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            return throwMalformed(sourceName + " sent " + field + " " + snippet(n.toString()) + " for " + where
                    + ", which is not a number");
        }
        return n.asDouble();
    }

    static QuoteException daily(String sourceName, String text) {
        return new QuoteException(QuoteException.Kind.RATE_LIMITED, sourceName + " says the daily limit of downloads"
                + " is used up (\"" + snippet(text) + "\"); try again tomorrow", Duration.ofDays(1), true);
    }
}
