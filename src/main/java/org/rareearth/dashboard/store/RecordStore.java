package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.FxRate;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceAssessment;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.domain.Stake;
import org.rareearth.dashboard.domain.Reaction;
import org.rareearth.dashboard.domain.Security;

/**
 * Single-record edits for manual data entry, each in its own transaction: add, change (the key included), and
 * delete together with the records that depend on it, which the caller names to the user first.
 */
public final class RecordStore {
    private final Store store;

    public RecordStore(Store store) {
        this.store = store;
    }

    /** Adds {@code record}, or replaces {@code old} with it (same or new key), in one transaction. */
    public void save(Object old, Object record) {
        store.write(c -> {
            if (old != null && !key(old).equals(key(record))) {
                rekey(c, old, record);
            }
            upsert(c, record);
            return null;
        });
    }

    /** Deletes the record and everything listed by {@link #dependents}, in one transaction. */
    public void delete(Object record) {
        store.write(c -> {
            for (Object d : dependents(c, record)) {
                deleteOne(c, d);
            }
            deleteOne(c, record);
            return null;
        });
    }

    /** Restores a record and its dependents (undo of a delete), in one transaction. */
    public void restore(Object record, List<Object> dependents) {
        store.write(c -> {
            upsert(c, record);
            for (Object d : dependents) {
                upsert(c, d);
            }
            return null;
        });
    }

    /** What would go with the record if it were deleted: an event's reactions, a security's reactions and bars. */
    public List<Object> dependents(Object record) {
        return store.read(c -> dependents(c, record));
    }

    /** Deletes the price bars of a security between two dates (inclusive); returns how many. */
    public int deletePriceBars(String symbol, LocalDate from, LocalDate to) {
        return store.write(c -> Jdbc.update(c, "DELETE FROM price_bar WHERE security_id = (SELECT id FROM security"
                + " WHERE symbol = ?) AND date BETWEEN ? AND ?", symbol, from, to));
    }

    public long countPriceBars(String symbol, LocalDate from, LocalDate to) {
        return store.read(c -> Jdbc.one(c, "SELECT count(*) FROM price_bar WHERE security_id = (SELECT id FROM"
                + " security WHERE symbol = ?) AND date BETWEEN ? AND ?", rs -> rs.getLong(1), symbol, from, to)
                .orElse(0L));
    }

    /** A record's key, as the store identifies it. */
    public static String key(Object r) {
        if (r instanceof org.rareearth.dashboard.domain.DataRecord d) {
            return d.key();
        }
        throw new IllegalArgumentException("not a record: " + r);
    }

    private static List<Object> dependents(Connection c, Object record) throws SQLException {
        List<Object> out = new ArrayList<>();
        if (record instanceof PolicyEvent e) {
            ReactionRepository.all(c).stream().filter(r -> r.event().equals(e.code())).forEach(out::add);
            StakeRepository.all(c).stream().filter(k -> e.code().equals(k.event())).forEach(out::add);
        } else if (record instanceof Security s) {
            ReactionRepository.all(c).stream().filter(r -> r.symbol().equals(s.symbol())).forEach(out::add);
            StakeRepository.all(c).stream().filter(k -> k.symbol().equals(s.symbol())).forEach(out::add);
            long bars = Jdbc.one(c, "SELECT count(*) FROM price_bar WHERE security_id = (SELECT id FROM security"
                    + " WHERE symbol = ?)", rs -> rs.getLong(1), s.symbol()).orElse(0L);
            if (bars > 0) {
                out.add(new PriceBarsOf(s.symbol(), bars, Jdbc.list(c, "SELECT b.date, b.open, b.high, b.low,"
                        + " b.close, b.adj_close, b.volume, b.source FROM price_bar b JOIN security s ON s.id ="
                        + " b.security_id WHERE s.symbol = ? ORDER BY b.date", rs -> new org.rareearth.dashboard.domain.PriceBar(
                        s.symbol(), Jdbc.date(rs, "date"), Jdbc.dbl(rs, "open"), Jdbc.dbl(rs, "high"),
                        Jdbc.dbl(rs, "low"), Jdbc.dbl(rs, "close"), Jdbc.dbl(rs, "adj_close"), Jdbc.lng(rs, "volume"),
                        rs.getString("source")), s.symbol())));
            }
        }
        return out;
    }

    /** A security's daily bars, as one dependent (listed by count, restored whole on undo). */
    public record PriceBarsOf(String symbol, long count, List<org.rareearth.dashboard.domain.PriceBar> bars) {
        @Override
        public String toString() {
            return count + " daily price" + (count == 1 ? "" : "s") + " of " + symbol;
        }
    }

    private static void upsert(Connection c, Object r) throws SQLException {
        if (r instanceof PriceBarsOf p) {
            long id = SecurityRepository.idOf(c, p.symbol()).orElseThrow();
            for (var b : p.bars()) {
                PriceBarRepository.upsert(c, id, b);
            }
            return;
        }
        Dataset one = Dataset.of(r);
        DatasetStore.writeIn(c, one);
    }

    private static void rekey(Connection c, Object old, Object now) throws SQLException {
        if (old instanceof Security o && now instanceof Security n) {
            Jdbc.update(c, "UPDATE security SET symbol = ? WHERE symbol = ?", n.symbol(), o.symbol());
        } else if (old instanceof PolicyEvent o && now instanceof PolicyEvent n) {
            Jdbc.update(c, "UPDATE event SET code = ? WHERE code = ?", n.code(), o.code());
            // Links from other events follow the new code.
            Jdbc.update(c, "UPDATE event_related SET related_code = ? WHERE related_code = ?", n.code(), o.code());
        } else if (old instanceof org.rareearth.dashboard.domain.PriceFloor o
                && now instanceof org.rareearth.dashboard.domain.PriceFloor n) {
            // Renamed in place, so that the capacity projects tied to it stay tied.
            Jdbc.update(c, "UPDATE price_floor SET program = ? WHERE program = ?", n.program(), o.program());
        } else if (old instanceof org.rareearth.dashboard.domain.CapacityProject o
                && now instanceof org.rareearth.dashboard.domain.CapacityProject n) {
            Jdbc.update(c, "UPDATE capacity_project SET code = ? WHERE code = ?", n.id(), o.id());
        } else {
            // Records nothing refers to: the old one goes, the new one comes.
            deleteOne(c, old);
        }
    }

    private static void deleteOne(Connection c, Object r) throws SQLException {
        if (r instanceof Security s) {
            Jdbc.update(c, "DELETE FROM security WHERE symbol = ?", s.symbol());
        } else if (r instanceof PolicyEvent e) {
            Jdbc.update(c, "DELETE FROM event WHERE code = ?", e.code());
        } else if (r instanceof Reaction x) {
            Jdbc.update(c, "DELETE FROM reaction WHERE security_id = (SELECT id FROM security WHERE symbol = ?)"
                    + " AND event_id = (SELECT id FROM event WHERE code = ?) AND measure = ? AND date = ?",
                    x.symbol(), x.event(), x.measure(), x.date());
        } else if (r instanceof PriceAssessment a) {
            Jdbc.update(c, "DELETE FROM price_assessment WHERE commodity = ? AND date = ? AND basis = ? AND source = ?",
                    a.commodity(), a.date(), a.basis(), a.source());
        } else if (r instanceof FxRate f) {
            Jdbc.update(c, "DELETE FROM fx_rate WHERE pair = ? AND date = ?", f.pair(), f.date());
        } else if (r instanceof PriceFloor f) {
            Jdbc.update(c, "DELETE FROM price_floor WHERE program = ?", f.program());
        } else if (r instanceof Stake k) {
            StakeRepository.delete(c, k);
        } else if (r instanceof org.rareearth.dashboard.domain.CapacityProject p) {
            SupplyChainRepository.delete(c, p);
        } else if (r instanceof org.rareearth.dashboard.domain.StageShare x) {
            SupplyChainRepository.delete(c, x);
        } else if (r instanceof org.rareearth.dashboard.domain.Quota x) {
            SupplyChainRepository.delete(c, x);
        } else if (r instanceof PriceBarsOf p) {
            Jdbc.update(c, "DELETE FROM price_bar WHERE security_id = (SELECT id FROM security WHERE symbol = ?)",
                    p.symbol());
        } else {
            throw new IllegalArgumentException("not a record: " + r);
        }
    }
}
