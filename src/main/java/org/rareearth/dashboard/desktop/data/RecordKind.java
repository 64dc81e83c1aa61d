package org.rareearth.dashboard.desktop.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.rareearth.dashboard.service.RecordEditor;

import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.domain.FxRate;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceAssessment;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.domain.Reaction;
import org.rareearth.dashboard.domain.QuoteTickers;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.domain.Stake;
import org.rareearth.dashboard.io.dataset.DatasetValidator;

/** A kind of record the Data view edits: its fields, how a record reads and is built from field values. */
abstract class RecordKind<T> {
    static final List<String> CONFIDENCE = List.of("S", "U", "calc");
    static final List<String> CURRENCIES = List.of("USD", "CNY", "AUD", "JPY", "EUR", "GBP", "CAD", "INR", "HKD");

    final String name;
    final String plural;

    RecordKind(String name, String plural) {
        this.name = name;
        this.plural = plural;
    }

    /** The form's fields; choice lists come from {@code known}. */
    abstract List<Field> fields(RecordEditor.Context known);

    abstract Map<String, Object> values(T r);

    abstract T build(Map<String, Object> v);

    /** The records of this kind in {@code d}. */
    abstract List<T> of(org.rareearth.dashboard.domain.Dataset d);

    /** Values for a new record (defaults, or what a quick add fills in). */
    Map<String, Object> blank() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("confidence", "S");
        return m;
    }

    static String s(Map<String, Object> v, String k) {
        Object o = v.get(k);
        if (o == null) {
            return null;
        }
        String t = o.toString().trim();
        return t.isEmpty() ? null : t;
    }

    static Double d(Map<String, Object> v, String k) {
        Object o = v.get(k);
        return o instanceof Double x ? x : null;
    }

    static LocalDate date(Map<String, Object> v, String k) {
        Object o = v.get(k);
        return o instanceof LocalDate x ? x : null;
    }

    static boolean b(Map<String, Object> v, String k) {
        return Boolean.TRUE.equals(v.get(k));
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static final RecordKind<Security> SECURITIES = new RecordKind<>("security", "Securities") {
        @Override
        List<Field> fields(RecordEditor.Context e) {
            return List.of(Field.text("symbol", "Symbol", true, "Ticker as your price files name it, e.g. MP or 600111.SS"),
                    Field.text("name", "Name", true, "Company or index name"),
                    Field.text("exchange", "Exchange", true, "NYSE, NASDAQ, ASX, SSE, SZSE…"),
                    Field.editableChoice("currency", "Currency", true, () -> CURRENCIES, "ISO 4217 code"),
                    Field.text("country", "Country", false, "ISO country code, e.g. US, AU, CN"),
                    Field.bool("benchmark", "Benchmark index", "Tick for an index used as a market benchmark"),
                    Field.text("source", "Source", true, "Where the listing details come from"),
                    Field.text("sourceUrl", "Source URL", false, "The address of the source (https://…); Open source shows it in the browser"),
                    Field.choice("confidence", "Confidence", false, () -> CONFIDENCE, "S seen, U uncertain, calc derived"),
                    Field.area("note", "Note", "Anything a reader should know"),
                    Field.text("tickers-yahoo", "Yahoo ticker", false, "The ticker at Yahoo Finance; empty: derived"
                            + " from symbol and exchange (LYC on ASX is LYC.AX, MP on NYSE is MP)"),
                    Field.text("tickers-stooq", "Stooq ticker", false, "The ticker at Stooq; empty: derived for US"
                            + " listings (MP is mp.us, ^GSPC is ^spx), none elsewhere"),
                    Field.text("tickers-tiingo", "Tiingo ticker", false, "The ticker at Tiingo; empty: the symbol for"
                            + " US listings, none elsewhere"));
        }

        @Override
        Map<String, Object> values(Security r) {
            Map<String, Object> m = map("symbol", r.symbol(), "name", r.name(), "exchange", r.exchange(), "currency",
                    r.currency(), "country", r.country(), "benchmark", r.benchmark(), "source", r.source(), "sourceUrl",
                    r.sourceUrl(), "confidence", r.confidence(), "note", r.note());
            for (String src : QuoteTickers.SOURCES) {
                m.put("tickers-" + src, r.tickers().get(src));
            }
            return m;
        }

        @Override
        Security build(Map<String, Object> v) {
            String cur = s(v, "currency");
            Map<String, String> tickers = new java.util.TreeMap<>();
            for (String src : QuoteTickers.SOURCES) {
                String t = s(v, "tickers-" + src);
                if (t != null && !t.isBlank()) {
                    tickers.put(src, t.strip());
                }
            }
            return new Security(s(v, "symbol"), s(v, "name"), s(v, "exchange"),
                    cur == null ? null : cur.toUpperCase(Locale.ROOT), s(v, "country"), b(v, "benchmark"),
                    s(v, "source"), s(v, "confidence"), s(v, "note"), s(v, "sourceUrl"), tickers);
        }

        @Override
        List<Security> of(org.rareearth.dashboard.domain.Dataset d) {
            return d.securities();
        }
    };

    static final RecordKind<PolicyEvent> EVENTS = new RecordKind<>("event", "Events") {
        @Override
        List<Field> fields(RecordEditor.Context e) {
            return List.of(Field.text("title", "Title", true, "What was announced, in a line"),
                    Field.text("code", "Code", false, "A short key such as mofcom-61-2025 (made from the title if left"
                            + " empty)"),
                    Field.choice("actor", "Actor", true, () -> Arrays.stream(Actor.values()).map(Actor::code).toList(),
                            "Who took the measure"),
                    Field.choice("category", "Category", true,
                            () -> Arrays.stream(Category.values()).map(Category::code).toList(), "Kind of measure"),
                    Field.multi("materials", "Materials", () -> e.choices().get("materials"),
                            "Tick the materials concerned; add new ones below, separated by commas"),
                    Field.date("announced", "Announced", true, "The day it was announced"),
                    Field.date("effective", "Effective", false, "The day it took effect"),
                    Field.date("ends", "Ends", false, "The last day in force"),
                    Field.date("suspendedFrom", "Suspended from", false, "First day of a suspension"),
                    Field.date("suspendedUntil", "Suspended until", false, "Last day of a suspension"),
                    Field.multi("related", "Acts on", () -> e.choices().get("event"),
                            "The events this one suspends, extends, reinstates or follows up: a later record about"
                                    + " a measure tells the app that its lapsed dates were followed up"),
                    Field.choice("status", "Status", true, () -> List.copyOf(new java.util.TreeSet<>(
                            DatasetValidator.STATUSES)), "The status the source reported"),
                    Field.area("summary", "Summary", "What the measure does"),
                    Field.text("source", "Source", true, "Outlet or document"),
                    Field.text("sourceUrl", "Source URL", false, "The address of the source (https://…); Open source shows it in the browser"),
                    Field.choice("confidence", "Confidence", false, () -> CONFIDENCE, "S seen, U uncertain, calc derived"),
                    Field.area("note", "Note", "Anything a reader should know"));
        }

        @Override
        Map<String, Object> values(PolicyEvent r) {
            return map("title", r.title(), "code", r.code(), "actor", r.actor().code(), "category",
                    r.category().code(), "materials", r.materials(), "announced", r.announced(), "effective",
                    r.effective(), "ends", r.ends(), "suspendedFrom", r.suspendedFrom(), "suspendedUntil",
                    r.suspendedUntil(), "status", r.status(), "summary", r.summary(), "source", r.source(), "sourceUrl", r.sourceUrl(),
                    "confidence", r.confidence(), "note", r.note(), "related", r.related());
        }

        @Override
        Map<String, Object> blank() {
            Map<String, Object> m = super.blank();
            m.put("status", "in-force");
            return m;
        }

        @Override
        PolicyEvent build(Map<String, Object> v) {
            String code = s(v, "code");
            LocalDate announced = date(v, "announced");
            if (code == null && s(v, "title") != null) {
                code = slug(s(v, "title")) + (announced == null ? "" : "-" + announced.getYear());
            }
            Actor actor = s(v, "actor") == null ? null : Actor.fromCode(s(v, "actor"));
            Category cat = s(v, "category") == null ? null : Category.fromCode(s(v, "category"));
            @SuppressWarnings("unchecked")
            List<String> mats = v.get("materials") instanceof List<?> l ? (List<String>) l : List.of();
            @SuppressWarnings("unchecked")
            List<String> related = v.get("related") instanceof List<?> l ? (List<String>) l : List.of();
            return new PolicyEvent(code, actor, cat, s(v, "title"), s(v, "summary"), mats, announced,
                    date(v, "effective"), date(v, "ends"), date(v, "suspendedFrom"), date(v, "suspendedUntil"),
                    s(v, "status"), s(v, "source"), s(v, "confidence"), s(v, "note"), related, s(v, "sourceUrl"));
        }

        @Override
        List<PolicyEvent> of(org.rareearth.dashboard.domain.Dataset d) {
            return d.events();
        }
    };

    static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 40) {
            s = s.substring(0, 40).replaceAll("-[^-]*$", "");
        }
        return s.isEmpty() ? "event" : s;
    }

    static final RecordKind<Reaction> REACTIONS = new RecordKind<>("reaction", "Reported reactions") {
        @Override
        List<Field> fields(RecordEditor.Context e) {
            return List.of(Field.choice("symbol", "Security", true, () -> e.choices().get("symbol"), "Which security moved"),
                    Field.choice("event", "Event", true, () -> e.choices().get("event"), "The event it reacted to"),
                    Field.date("date", "Date", true, "The trading day of the move"),
                    Field.choice("measure", "Measure", true, () -> Reaction.MEASURES,
                            "close-to-close, intraday-high, intraday or multi-day"),
                    Field.number("percent", "Move (%)", true, "In percent: 50.62 for +50.62%"),
                    Field.number("fromPrice", "From price", false, "Price the move starts from"),
                    Field.number("toPrice", "To price", false, "Price the move ends at"),
                    Field.text("source", "Source", true, "Outlet that reported the move"),
                    Field.text("sourceUrl", "Source URL", false, "The address of the source (https://…); Open source shows it in the browser"),
                    Field.choice("confidence", "Confidence", false, () -> CONFIDENCE, "S seen, U uncertain, calc derived"),
                    Field.area("note", "Note", "Anything a reader should know"));
        }

        @Override
        Map<String, Object> values(Reaction r) {
            return map("symbol", r.symbol(), "event", r.event(), "date", r.date(), "measure", r.measure(), "percent",
                    r.percent(), "fromPrice", r.fromPrice(), "toPrice", r.toPrice(), "source", r.source(), "sourceUrl", r.sourceUrl(),
                    "confidence", r.confidence(), "note", r.note());
        }

        @Override
        Reaction build(Map<String, Object> v) {
            return new Reaction(s(v, "symbol"), s(v, "event"), date(v, "date"), s(v, "measure"), d(v, "percent"),
                    d(v, "fromPrice"), d(v, "toPrice"), s(v, "source"), s(v, "confidence"), s(v, "note"),
                    s(v, "sourceUrl"));
        }

        @Override
        List<Reaction> of(org.rareearth.dashboard.domain.Dataset d) {
            return d.reactions();
        }
    };

    static final RecordKind<PriceAssessment> ASSESSMENTS = new RecordKind<>("price quote", "Price quotes") {
        @Override
        List<Field> fields(RecordEditor.Context e) {
            return List.of(Field.text("commodity", "Commodity", true, "e.g. NdPr oxide"),
                    Field.date("date", "Date", true, "The day of the quote"),
                    Field.number("low", "Low", true, "Low end of the range (the price itself for one figure)"),
                    Field.number("high", "High", true, "High end of the range (the price itself for one figure)"),
                    Field.editableChoice("currency", "Currency", true, () -> CURRENCIES, "ISO 4217 code"),
                    Field.choice("unit", "Unit", true, () -> List.of("t", "kg", "lb"), "Per tonne, kilogram or pound"),
                    Field.bool("vatIncluded", "VAT included", "Tick when the quote includes China's 13% VAT"),
                    Field.text("basis", "Basis", true, "e.g. China domestic, Reuters benchmark"),
                    Field.text("source", "Source", true, "Outlet or price reporter"),
                    Field.text("sourceUrl", "Source URL", false, "The address of the source (https://…); Open source shows it in the browser"),
                    Field.choice("confidence", "Confidence", false, () -> CONFIDENCE, "S seen, U uncertain, calc derived"),
                    Field.area("note", "Note", "Anything a reader should know"));
        }

        @Override
        Map<String, Object> values(PriceAssessment r) {
            return map("commodity", r.commodity(), "date", r.date(), "low", r.low(), "high", r.high(), "currency",
                    r.currency(), "unit", r.unit(), "vatIncluded", r.vatIncluded(), "basis", r.basis(), "source", r.source(), "sourceUrl", r.sourceUrl(), "confidence", r.confidence(), "note", r.note());
        }

        @Override
        Map<String, Object> blank() {
            Map<String, Object> m = super.blank();
            m.put("commodity", "NdPr oxide");
            m.put("currency", "CNY");
            m.put("unit", "t");
            m.put("vatIncluded", true);
            m.put("basis", "China domestic");
            return m;
        }

        @Override
        PriceAssessment build(Map<String, Object> v) {
            String cur = s(v, "currency");
            return new PriceAssessment(s(v, "commodity"), date(v, "date"), d(v, "low"), d(v, "high"),
                    cur == null ? null : cur.toUpperCase(Locale.ROOT), s(v, "unit"), b(v, "vatIncluded"),
                    s(v, "basis"), s(v, "source"), s(v, "confidence"), s(v, "note"), s(v, "sourceUrl"));
        }

        @Override
        List<PriceAssessment> of(org.rareearth.dashboard.domain.Dataset d) {
            return d.assessments();
        }
    };

    static final RecordKind<FxRate> FX = new RecordKind<>("FX rate", "FX rates") {
        @Override
        List<Field> fields(RecordEditor.Context e) {
            return List.of(Field.editableChoice("pair", "Pair", true, () -> List.of("USD/CNY", "USD/AUD", "USD/JPY"),
                            "Units of the second currency per one of the first: USD/CNY 7.151"),
                    Field.date("date", "Date", true, "The fixing date"),
                    Field.number("rate", "Rate", true, "e.g. 7.151"),
                    Field.text("source", "Source", true, "e.g. CFETS central parity"),
                    Field.text("sourceUrl", "Source URL", false, "The address of the source (https://…); Open source shows it in the browser"),
                    Field.choice("confidence", "Confidence", false, () -> CONFIDENCE, "S seen, U uncertain, calc derived"),
                    Field.area("note", "Note", "Anything a reader should know"));
        }

        @Override
        Map<String, Object> values(FxRate r) {
            return map("pair", r.pair(), "date", r.date(), "rate", r.rate(), "source", r.source(), "sourceUrl", r.sourceUrl(), "confidence",
                    r.confidence(), "note", r.note());
        }

        @Override
        Map<String, Object> blank() {
            Map<String, Object> m = super.blank();
            m.put("pair", "USD/CNY");
            return m;
        }

        @Override
        FxRate build(Map<String, Object> v) {
            String pair = s(v, "pair");
            return new FxRate(pair == null ? null : pair.toUpperCase(Locale.ROOT), date(v, "date"), d(v, "rate"),
                    s(v, "source"), s(v, "confidence"), s(v, "note"), s(v, "sourceUrl"));
        }

        @Override
        List<FxRate> of(org.rareearth.dashboard.domain.Dataset d) {
            return d.fxRates();
        }
    };

    static final RecordKind<PriceFloor> FLOORS = new RecordKind<>("price floor", "Price floors") {
        @Override
        List<Field> fields(RecordEditor.Context e) {
            return List.of(Field.text("program", "Programme", true, "Name of the price-support programme"),
                    Field.text("commodity", "Commodity", true, "e.g. NdPr oxide"),
                    Field.number("level", "Level", true, "The guaranteed price"),
                    Field.editableChoice("currency", "Currency", true, () -> CURRENCIES, "ISO 4217 code"),
                    Field.choice("unit", "Unit", true, () -> List.of("t", "kg", "lb"), "Per tonne, kilogram or pound"),
                    Field.date("start", "Start", true, "First day payments are due"),
                    Field.date("end", "End", false, "Last day of the term"),
                    Field.number("upsideShare", "Upside share", false, "Share of any price above the upside threshold"
                            + " kept by the guarantor: 0.3 for 30%"),
                    Field.number("upsideFrom", "Upside above", false, "The price above which the upside is shared"
                            + " (empty: the floor level)"),
                    Field.number("upsideCap", "Upside cap a year", false, "Most the guarantor takes of the upside in a"
                            + " year, in the floor's currency (empty: no cap)"),
                    Field.number("volume", "Volume (t/year)", false, "Tonnes a year the programme covers, when its"
                            + " terms say (the gap view's top-up uses it)"),
                    Field.text("source", "Source", true, "Document or outlet"),
                    Field.text("sourceUrl", "Source URL", false, "The address of the source (https://…); Open source shows it in the browser"),
                    Field.choice("confidence", "Confidence", false, () -> CONFIDENCE, "S seen, U uncertain, calc derived"),
                    Field.area("note", "Note", "Anything a reader should know"));
        }

        @Override
        Map<String, Object> values(PriceFloor r) {
            return map("program", r.program(), "commodity", r.commodity(), "level", r.level(), "currency",
                    r.currency(), "unit", r.unit(), "start", r.start(), "end", r.end(), "upsideShare", r.upsideShare(),
                    "upsideFrom", r.upsideFrom(), "upsideCap", r.upsideCap(), "volume", r.volume(),
                    "source", r.source(), "sourceUrl", r.sourceUrl(), "confidence", r.confidence(), "note", r.note());
        }

        @Override
        PriceFloor build(Map<String, Object> v) {
            String cur = s(v, "currency");
            return new PriceFloor(s(v, "program"), s(v, "commodity"), d(v, "level"),
                    cur == null ? null : cur.toUpperCase(Locale.ROOT), s(v, "unit"), date(v, "start"), date(v, "end"),
                    d(v, "upsideShare"), s(v, "source"), s(v, "confidence"), s(v, "note"), d(v, "volume"),
                    d(v, "upsideFrom"), d(v, "upsideCap"), s(v, "sourceUrl"));
        }

        @Override
        List<PriceFloor> of(org.rareearth.dashboard.domain.Dataset d) {
            return d.floors();
        }
    };

    static final RecordKind<Stake> STAKES = new RecordKind<>("stake", "Stakes") {
        @Override
        List<Field> fields(RecordEditor.Context e) {
            return List.of(Field.text("holder", "Holder", true, "Who took the stake, e.g. US Department of Defense"),
                    Field.choice("symbol", "Security", true, () -> e.choices().get("symbol"), "The company it is in"),
                    Field.editableChoice("event", "Event", false, () -> e.choices().get("event"),
                            "The event that announced it (optional)"),
                    Field.date("date", "Date", true, "The day it was announced or closed"),
                    Field.number("amount", "Amount", false, "What the holder paid: 400000000 for $400M"),
                    Field.editableChoice("currency", "Currency", false, () -> CURRENCIES, "ISO 4217 code of the amount"),
                    Field.number("percent", "Share (%)", false, "Share of the company, as converted: 15 for 15%"),
                    Field.text("instrument", "Instrument", false, "e.g. convertible preferred stock"),
                    Field.text("source", "Source", true, "Document or outlet"),
                    Field.text("sourceUrl", "Source URL", false, "The address of the source (https://…); Open source shows it in the browser"),
                    Field.choice("confidence", "Confidence", false, () -> CONFIDENCE, "S seen, U uncertain, calc derived"),
                    Field.area("note", "Note", "Anything a reader should know"));
        }

        @Override
        Map<String, Object> blank() {
            Map<String, Object> m = super.blank();
            m.put("currency", "USD");
            return m;
        }

        @Override
        Map<String, Object> values(Stake r) {
            return map("holder", r.holder(), "symbol", r.symbol(), "event", r.event(), "date", r.date(), "amount",
                    r.amount(), "currency", r.currency(), "percent", r.percent(), "instrument", r.instrument(),
                    "source", r.source(), "sourceUrl", r.sourceUrl(), "confidence", r.confidence(), "note", r.note());
        }

        @Override
        Stake build(Map<String, Object> v) {
            String cur = s(v, "currency");
            return new Stake(s(v, "holder"), s(v, "symbol"), s(v, "event"), date(v, "date"), d(v, "amount"),
                    cur == null ? null : cur.toUpperCase(Locale.ROOT), d(v, "percent"), s(v, "instrument"),
                    s(v, "source"), s(v, "confidence"), s(v, "note"), s(v, "sourceUrl"));
        }

        @Override
        List<Stake> of(org.rareearth.dashboard.domain.Dataset d) {
            return d.stakes();
        }
    };

    static Integer year(Map<String, Object> v, String k) {
        Double d = d(v, k);
        // A year that is not whole stays visible to the validator as an impossible year, not silently rounded.
        return d == null ? null : d == Math.rint(d) ? Integer.valueOf(d.intValue()) : Integer.valueOf(-1);
    }

    /** Target history as the form shows it: one line each, "as of | year | source | address | note". */
    static String targetLines(List<org.rareearth.dashboard.domain.TargetRevision> targets) {
        List<String> lines = new ArrayList<>();
        for (var t : targets) {
            lines.add(String.join(" | ", t.asOf(), String.valueOf(t.year()), t.source(),
                    t.sourceUrl() == null ? "" : t.sourceUrl(), t.note() == null ? "" : t.note()).replaceAll("( \\| )+$", ""));
        }
        return String.join("\n", lines);
    }

    static List<org.rareearth.dashboard.domain.TargetRevision> parseTargets(String text) {
        List<org.rareearth.dashboard.domain.TargetRevision> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\\|", -1);
            String asOf = c[0].strip();
            Integer year = null;
            if (c.length > 1) {
                try {
                    year = Integer.valueOf(c[1].strip());
                } catch (NumberFormatException e) {
                    year = null;
                }
            }
            out.add(new org.rareearth.dashboard.domain.TargetRevision(asOf.isEmpty() ? null : asOf, year,
                    c.length > 2 && !c[2].isBlank() ? c[2].strip() : null,
                    c.length > 3 && !c[3].isBlank() ? c[3].strip() : null,
                    c.length > 4 && !c[4].isBlank() ? c[4].strip() : null));
        }
        return out;
    }

    static final RecordKind<org.rareearth.dashboard.domain.CapacityProject> PROJECTS =
            new RecordKind<>("capacity project", "Capacity projects") {
        @Override
        List<Field> fields(RecordEditor.Context e) {
            return List.of(Field.text("id", "Id", true, "A short lower-case id, e.g. mp-10x"),
                    Field.text("operator", "Operator", true, "Who runs it"),
                    Field.text("facility", "Facility", true, "Plant or site"),
                    Field.text("country", "Country", true, "As you record countries: US, Australia…"),
                    Field.choice("stage", "Stage", true, () -> org.rareearth.dashboard.domain.SupplyChain.STAGES,
                            "One stage per project; a plant at two stages is two projects"),
                    Field.number("capacity", "Capacity", false, "Quantity a year (the lower end of a range)"),
                    Field.number("capacityHigh", "Capacity, top of range", false, "When the source gives a range"),
                    Field.choice("unit", "Unit", false, () -> List.of("t/yr", "kt/yr"), "Tonnes or kilotonnes a year"),
                    Field.editableChoice("product", "Product", false, () -> List.copyOf(
                            new java.util.TreeSet<>(org.rareearth.dashboard.domain.SupplyChain.DEFAULT_PRODUCTS
                                    .values())), "What the capacity is of: REO, NdPr oxide, rare-earth magnets…"),
                    Field.choice("status", "Status", true, () -> org.rareearth.dashboard.domain.SupplyChain.STATUSES,
                            "operating, construction, planned or cancelled"),
                    Field.number("firstOutputYear", "First output (or target) year", false, "e.g. 2028"),
                    Field.number("constructionStart", "Construction start year", false, "When building began"),
                    Field.editableChoice("event", "Event", false, () -> e.choices().get("event"),
                            "The event or deal it belongs to (optional)"),
                    Field.text("floor", "Price floor", false, "The programme of a price floor it is tied to (optional)"),
                    Field.area("targets", "Target history", "One line per stated target: as of | year | source |"
                            + " address | note, e.g. 2025-07-10 | 2028 | MP press release"),
                    Field.text("source", "Source", true, "Document or outlet"),
                    Field.text("sourceUrl", "Source URL", false, "The address of the source (https://…); Open source shows it in the browser"),
                    Field.choice("confidence", "Confidence", false, () -> CONFIDENCE, "S seen, U uncertain, calc derived"),
                    Field.area("note", "Note", "Anything a reader should know"));
        }

        @Override
        Map<String, Object> blank() {
            Map<String, Object> m = super.blank();
            m.put("unit", "t/yr");
            m.put("status", "planned");
            return m;
        }

        @Override
        Map<String, Object> values(org.rareearth.dashboard.domain.CapacityProject r) {
            return map("id", r.id(), "operator", r.operator(), "facility", r.facility(), "country", r.country(),
                    "stage", r.stage(), "capacity", r.capacity(), "capacityHigh", r.capacityHigh(), "unit", r.unit(),
                    "product", r.product(), "status", r.status(), "firstOutputYear",
                    r.firstOutputYear() == null ? null : r.firstOutputYear().doubleValue(), "constructionStart",
                    r.constructionStart() == null ? null : r.constructionStart().doubleValue(), "event", r.event(),
                    "floor", r.floor(), "targets", targetLines(r.targets()), "source", r.source(), "sourceUrl",
                    r.sourceUrl(), "confidence", r.confidence(), "note", r.note());
        }

        @Override
        org.rareearth.dashboard.domain.CapacityProject build(Map<String, Object> v) {
            Double cap = d(v, "capacity");
            return new org.rareearth.dashboard.domain.CapacityProject(s(v, "id"), s(v, "operator"), s(v, "facility"),
                    s(v, "country"), s(v, "stage"), cap, d(v, "capacityHigh"), cap == null && s(v, "product") == null
                    ? null : s(v, "unit"), s(v, "product"), s(v, "status"), year(v, "firstOutputYear"),
                    year(v, "constructionStart"), s(v, "event"), s(v, "floor"), parseTargets(s(v, "targets")),
                    s(v, "source"), s(v, "confidence"), s(v, "note"), s(v, "sourceUrl"));
        }

        @Override
        List<org.rareearth.dashboard.domain.CapacityProject> of(org.rareearth.dashboard.domain.Dataset d) {
            return d.capacityProjects();
        }
    };

    static final RecordKind<org.rareearth.dashboard.domain.StageShare> SHARES =
            new RecordKind<>("stage share", "Stage shares") {
        @Override
        List<Field> fields(RecordEditor.Context e) {
            return List.of(Field.choice("stage", "Stage", true, () -> org.rareearth.dashboard.domain.SupplyChain.STAGES,
                            "The supply-chain stage"),
                    Field.number("year", "Year", true, "The year the share is of"),
                    Field.number("share", "China's share (%)", true, "Of world output: 69.2 for 69.2%"),
                    Field.text("source", "Source", true, "Document or outlet; two sources for one year are two records"),
                    Field.text("sourceUrl", "Source URL", false, "The address of the source (https://…); Open source shows it in the browser"),
                    Field.choice("confidence", "Confidence", false, () -> CONFIDENCE, "S seen, U uncertain, calc derived"),
                    Field.area("note", "Note", "Anything a reader should know"));
        }

        @Override
        Map<String, Object> values(org.rareearth.dashboard.domain.StageShare r) {
            return map("stage", r.stage(), "year", r.year() == null ? null : r.year().doubleValue(), "share",
                    r.share(), "source", r.source(), "sourceUrl", r.sourceUrl(), "confidence", r.confidence(), "note",
                    r.note());
        }

        @Override
        org.rareearth.dashboard.domain.StageShare build(Map<String, Object> v) {
            return new org.rareearth.dashboard.domain.StageShare(s(v, "stage"), year(v, "year"), d(v, "share"),
                    s(v, "source"), s(v, "confidence"), s(v, "note"), s(v, "sourceUrl"));
        }

        @Override
        List<org.rareearth.dashboard.domain.StageShare> of(org.rareearth.dashboard.domain.Dataset d) {
            return d.stageShares();
        }
    };

    static final RecordKind<org.rareearth.dashboard.domain.Quota> QUOTAS = new RecordKind<>("quota", "Quotas") {
        @Override
        List<Field> fields(RecordEditor.Context e) {
            return List.of(Field.number("year", "Year", true, "The quota year"),
                    Field.bool("published", "Published", "Untick for a year whose volumes were not made public"),
                    Field.number("mining", "Mining (t REO)", false, "China's mining quota"),
                    Field.number("smelting", "Smelting and separation (t)", false, "China's smelting and separation quota"),
                    Field.text("source", "Source", true, "Document or outlet"),
                    Field.text("sourceUrl", "Source URL", false, "The address of the source (https://…); Open source shows it in the browser"),
                    Field.choice("confidence", "Confidence", false, () -> CONFIDENCE, "S seen, U uncertain, calc derived"),
                    Field.area("note", "Note", "Anything a reader should know"));
        }

        @Override
        Map<String, Object> blank() {
            Map<String, Object> m = super.blank();
            m.put("published", Boolean.TRUE);
            return m;
        }

        @Override
        Map<String, Object> values(org.rareearth.dashboard.domain.Quota r) {
            return map("year", r.year() == null ? null : r.year().doubleValue(), "published", r.published(),
                    "mining", r.mining(), "smelting", r.smelting(), "source", r.source(), "sourceUrl", r.sourceUrl(),
                    "confidence", r.confidence(), "note", r.note());
        }

        @Override
        org.rareearth.dashboard.domain.Quota build(Map<String, Object> v) {
            return new org.rareearth.dashboard.domain.Quota(year(v, "year"), d(v, "mining"), d(v, "smelting"),
                    b(v, "published"), s(v, "source"), s(v, "confidence"), s(v, "note"), s(v, "sourceUrl"));
        }

        @Override
        List<org.rareearth.dashboard.domain.Quota> of(org.rareearth.dashboard.domain.Dataset d) {
            return d.quotas();
        }
    };

    static List<RecordKind<?>> all() {
        return new ArrayList<>(List.of(SECURITIES, EVENTS, REACTIONS, ASSESSMENTS, FX, FLOORS, STAKES, PROJECTS,
                SHARES, QUOTAS));
    }

    /** The kind that edits this record. */
    @SuppressWarnings("unchecked")
    static <T> RecordKind<T> of(Object record) {
        Function<Object, RecordKind<?>> f = r -> r instanceof Security ? SECURITIES : r instanceof PolicyEvent ? EVENTS
                : r instanceof Reaction ? REACTIONS : r instanceof PriceAssessment ? ASSESSMENTS
                : r instanceof FxRate ? FX : r instanceof Stake ? STAKES
                : r instanceof org.rareearth.dashboard.domain.CapacityProject ? PROJECTS
                : r instanceof org.rareearth.dashboard.domain.StageShare ? SHARES
                : r instanceof org.rareearth.dashboard.domain.Quota ? QUOTAS : FLOORS;
        return (RecordKind<T>) f.apply(record);
    }
}
