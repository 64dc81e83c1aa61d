package org.rareearth.dashboard.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.rareearth.dashboard.domain.PriceAssessment;
import org.rareearth.dashboard.domain.PriceFloor;

/**
 * The price-support gap: every China price on one basis (USD/kg, VAT included or excluded), set against a
 * floor, with what the floor would pay for a volume. Pure arithmetic; nothing here touches JavaFX or SQL.
 */
public final class GapAnalysis {

    private GapAnalysis() {}

    /** One assessment on the common basis. {@code fx} is null for a quote already in USD. */
    public record Point(PriceAssessment quote, FxTable.Conversion fx, double lowUsdPerKg, double highUsdPerKg,
                        double chinaUsdPerKg, double floorUsdPerKg, boolean floorInForce, double gapUsdPerKg,
                        double ratio, double topUpUsd, double upsideShareUsd, String arithmetic) {
        public LocalDate date() {
            return quote.date();
        }
    }

    /** Price in USD/kg of {@code value} quoted in the assessment's currency and unit, on the chosen VAT basis. */
    static double toUsdPerKg(double value, PriceAssessment a, FxTable.Conversion fx, VatBasis basis) {
        double perKg = value / Units.kilograms(a.unit());
        double usd = fx == null ? perKg : fx.toUsd(perKg);
        boolean included = Boolean.TRUE.equals(a.vatIncluded());
        if (included && basis == VatBasis.EXCLUDED) {
            usd /= 1 + VatBasis.CHINA_VAT;
        } else if (!included && basis == VatBasis.INCLUDED) {
            usd *= 1 + VatBasis.CHINA_VAT;
        }
        return usd;
    }

    /** The floor level in USD/kg (floors are set in USD; another currency would need its own FX). */
    public static double floorUsdPerKg(PriceFloor floor) {
        if (!"USD".equals(floor.currency())) {
            throw new IllegalArgumentException("floor '" + floor.program() + "' is in " + floor.currency()
                    + "; only USD floors are compared");
        }
        return floor.level() / Units.kilograms(floor.unit());
    }

    /**
     * Normalises one assessment. {@code volumeTonnes} is a yearly volume: the top-up and the upside share are
     * annual amounts at this point's price, zero while the floor is not in force.
     */
    public static Point point(PriceAssessment a, VatBasis basis, FxTable fx, PriceFloor floor, double volumeTonnes) {
        FxTable.Conversion conv = "USD".equals(a.currency()) ? null : fx.toUsd(a.currency(), a.date());
        double low = toUsdPerKg(a.low(), a, conv, basis);
        double high = toUsdPerKg(a.high(), a, conv, basis);
        double mid = toUsdPerKg(a.mid(), a, conv, basis);
        double level = floorUsdPerKg(floor);
        boolean inForce = floor.inForceOn(a.date());
        double gap = level - mid;
        double kg = volumeTonnes * 1000.0;
        double topUp = inForce ? Math.max(0, gap) * kg : 0;
        double upside = inForce ? upsideShare(floor, mid, kg) : 0;
        return new Point(a, conv, low, high, mid, level, inForce, gap, level / mid, topUp, upside,
                arithmetic(a, conv, basis, mid));
    }

    /**
     * The guarantor's yearly share of the upside at a price of {@code usdPerKg} for {@code kg} a year: its share of
     * the excess over the upside threshold (the floor, or the programme's own threshold), capped at the
     * programme's yearly cap when it has one.
     */
    static double upsideShare(PriceFloor floor, double usdPerKg, double kg) {
        double share = floor.upsideShare() == null ? 0 : floor.upsideShare();
        double threshold = floor.upsideThreshold() / Units.kilograms(floor.unit());
        double amount = share * Math.max(0, usdPerKg - threshold) * kg;
        return floor.upsideCap() == null ? amount : Math.min(amount, floor.upsideCap());
    }

    /** All assessments of a series on one basis, oldest first. */
    public static List<Point> series(List<PriceAssessment> assessments, VatBasis basis, FxTable fx, PriceFloor floor,
                                     double volumeTonnes) {
        List<Point> out = new ArrayList<>();
        for (PriceAssessment a : assessments.stream().sorted(Comparator.comparing(PriceAssessment::date)).toList()) {
            out.add(point(a, basis, fx, floor, volumeTonnes));
        }
        return out;
    }

    /**
     * Average yearly top-up over {@code [from, to]} for {@code volumeTonnes} a year: each point's price holds until
     * the next point; days before the first point or outside the floor's term pay nothing. USD per year.
     */
    public static double annualisedTopUp(List<Point> points, PriceFloor floor, double volumeTonnes, LocalDate from,
                                         LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days <= 0) {
            throw new IllegalArgumentException("the period " + from + " to " + to + " is empty");
        }
        double level = floorUsdPerKg(floor);
        double sum = 0;
        int i = -1;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            while (i + 1 < points.size() && !points.get(i + 1).date().isAfter(d)) {
                i++;
            }
            if (i >= 0 && floor.inForceOn(d)) {
                sum += Math.max(0, level - points.get(i).chinaUsdPerKg());
            }
        }
        return sum / days * volumeTonnes * 1000.0;
    }

    private static String arithmetic(PriceAssessment a, FxTable.Conversion fx, VatBasis basis, double result) {
        StringBuilder sb = new StringBuilder();
        sb.append(fmt(a.mid())).append(' ').append(a.currency()).append('/').append(a.unit());
        if (!"kg".equals(a.unit())) {
            sb.append(" ÷ ").append(fmt(Units.kilograms(a.unit()))).append(" kg/").append(a.unit());
        }
        if (fx != null) {
            sb.append(fx.divide() ? " ÷ " : " × ").append(fmt(fx.rate())).append(" (").append(fx.pair())
                    .append(' ').append(fx.date()).append(')');
        }
        boolean included = Boolean.TRUE.equals(a.vatIncluded());
        if (included && basis == VatBasis.EXCLUDED) {
            sb.append(" ÷ 1.13 (VAT out)");
        } else if (!included && basis == VatBasis.INCLUDED) {
            sb.append(" × 1.13 (VAT in)");
        }
        return sb.append(" = ").append(String.format(Locale.ROOT, "%.2f", result)).append(" USD/kg").toString();
    }

    /**
     * A number of the arithmetic text: at most four decimals (rounded half up from its shortest decimal form, as
     * {@code %.4f} rounds), without trailing zeros or a bare decimal point, thousands grouped with commas.
     */
    static String fmt(double v) {
        // Rounded first (BigDecimal has no negative zero, so -0.00001 gives "0"), then written with its grouping.
        DecimalFormat f = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP));
    }
}
