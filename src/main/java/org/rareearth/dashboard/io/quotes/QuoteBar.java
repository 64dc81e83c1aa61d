package org.rareearth.dashboard.io.quotes;

import java.time.LocalDate;

/**
 * One trading day as a quote source sent it, dated on the exchange's own calendar. A day the source lists with no
 * close (a holiday, a halt) has {@code close == null}.
 */
public record QuoteBar(LocalDate date, Double open, Double high, Double low, Double close, Double adjClose,
                       Double volume) {}
