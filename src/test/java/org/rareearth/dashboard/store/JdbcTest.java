package org.rareearth.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The quick reading of stored dates gives what the ISO parser gives, and refuses what it refuses. */
class JdbcTest {

    @Test
    void every_day_of_two_centuries_reads_as_the_iso_parser_reads_it() {
        for (LocalDate d = LocalDate.of(1900, 1, 1); d.getYear() < 2100; d = d.plusDays(1)) {
            assertThat(Jdbc.isoDate(d.toString())).isEqualTo(d);
        }
        assertThat(Jdbc.isoDate(null)).isNull();
    }

    @Test
    void dates_that_are_not_plain_iso_days_are_left_to_the_parser() {
        assertThat(Jdbc.isoDate("+12025-07-10")).isEqualTo(LocalDate.of(12025, 7, 10));
        assertThatThrownBy(() -> Jdbc.isoDate("2025-02-30")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Jdbc.isoDate("2025-13-01")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Jdbc.isoDate("2025/07/10")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Jdbc.isoDate("2025-7-10")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Jdbc.isoDate("2025-07-1x")).isInstanceOf(DateTimeException.class);
    }
}
