package org.rareearth.dashboard.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One download of a security's daily prices from a quote source: the ticker asked for, when, the first and last
 * trading dates that came back, how many bars, and how many of them were new or replaced stored ones.
 */
public record PriceFetch(String symbol, String source, String ticker, Instant fetchedAt, LocalDate firstDate,
                         LocalDate lastDate, long rows, long inserted, long updated) {}
