package org.rareearth.dashboard.store;

import java.sql.Statement;

/** Securities for the store's own tests, added with plain SQL so the tests of a writer do not lean on it. */
final class TestSecurities {
    private TestSecurities() {}

    /** Adds a security with {@code symbol} and returns its id. */
    static long add(Store s, String symbol) {
        return s.write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO security (symbol, name, exchange, currency, is_benchmark, source, confidence)"
                        + " VALUES ('" + symbol + "', 'n', 'NYSE', 'USD', 0, 'test', 'S')");
            }
            return SecurityRepository.idOf(c, symbol).orElseThrow();
        });
    }
}
