package org.trustregistry.server;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import java.util.UUID;
import org.trustregistry.command.common.StorableJsonValidator;
import org.trustregistry.shared.Did;

/**
 * Random values that the HTTP edge calls valid, drawn towards their boundaries: longest strings, Unicode
 * that is easy to get wrong, empty and full collections, extreme times, long DIDs, deep and odd JSON.
 * The same seed gives the same values (the times relative to now aside), so a failing case is re-run
 * with its seed.
 */
final class StorableValues {

    /** How a case draws its sizes: everything at its maximum, everything at its minimum, or anything between. */
    enum Size { MAX, MIN, ANY }

    /** Pieces of text that break careless code: non-BMP characters, combining marks, bidi and format controls. */
    private static final String[] PIECES = {
            "a", "Z", "7", " ", "é", "ß", "ÿ", "Ł", "Ω", "Ж", "中", "\uD840\uDC00" /* U+20000 */,
            "\uD83D\uDE00" /* 😀 */, "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67" /* family, ZWJ sequence */,
            "\uD83C\uDDE9\uD83C\uDDEA" /* flag */, "\uD835\uDD38" /* 𝔸 */, "e\u0301", "\u0308", "क्ष", "مرحبا",
            "שלום", "\u202E" /* right-to-left override */, "\u200B", "\u200D", "\uFEFF", "\uFFFD", "\u00A0",
            "\u0085" /* a C1 control: not excluded by the edge's rules */, "\u2028", "\u3000", "\"", "\\", "'",
            "{", "}", ",", "NULL", "%", "%00", "<b>", "${x}", "{0}", "#{x}", "'; DROP TABLE issuers; --",
    };
    /** Only free text (descriptions, reasons, metadata) may hold a tab or a line break. */
    private static final String[] FREE_TEXT_PIECES = {"\t", "\n", "a\tb", "line\nbreak"};
    private static final String[] FREE_TEXT_AND_PIECES = java.util.stream.Stream.concat(
            java.util.Arrays.stream(PIECES), java.util.Arrays.stream(FREE_TEXT_PIECES)).toArray(String[]::new);
    /** Pieces none of which is white space, so a string starting with one is never blank. */
    private static final String[] VISIBLE = {"a", "é", "中", "\uD83D\uDE00", "Ω", "\uD840\uDC00", "x"};

    private final Random random;
    private final Size size;

    StorableValues(long seed, Size size) {
        this.random = new Random(seed);
        this.size = size;
    }

    Size size() {
        return size;
    }

    boolean chance(int inN) {
        return random.nextInt(inN) == 0;
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A length up to {@code max}: the maximum, the minimum, or anything, by the case's size. */
    int length(int min, int max) {
        return switch (size) {
            case MAX -> max;
            case MIN -> min;
            case ANY -> chance(3) ? max : chance(2) ? between(min, Math.min(max, min + 8)) : between(min, max);
        };
    }

    // ---- strings

    /** A required single-line string of at most {@code max} UTF-16 units (what {@code @Size} counts), never blank. */
    String text(int max) {
        return build(length(1, max), false, true);
    }

    /** Free text (may hold tabs and line breaks), never blank. */
    String freeText(int max) {
        return build(length(1, max), true, true);
    }

    /** An optional single-line string: null in a minimal case, now and then otherwise. */
    String optionalText(int max) {
        return size == Size.MIN || (size == Size.ANY && chance(5)) ? null : text(max);
    }

    String optionalFreeText(int max) {
        return size == Size.MIN || (size == Size.ANY && chance(5)) ? null : freeText(max);
    }

    /** Exactly {@code units} UTF-16 units, of whole pieces only (a surrogate pair is never cut). */
    private String build(int units, boolean freeText, boolean visibleFirst) {
        StringBuilder text = new StringBuilder();
        if (visibleFirst && units > 0) {
            String first = VISIBLE[random.nextInt(VISIBLE.length)];
            text.append(first.length() <= units ? first : "a");
        }
        return fill(text, units, freeText ? FREE_TEXT_AND_PIECES : PIECES);
    }

    /** Appends random pieces while they fit, then ASCII letters up to exactly {@code units}. */
    private String fill(StringBuilder text, int units, String[] pieces) {
        for (int misses = 0; text.length() < units && misses < 5; ) {
            String piece = pieces[random.nextInt(pieces.length)];
            if (text.length() + piece.length() <= units) {
                text.append(piece);
            } else {
                misses++;
            }
        }
        while (text.length() < units) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /** A list of {@code max} elements at most, each a required string of {@code maxLength} units at most. */
    List<String> texts(int max, int maxLength) {
        int n = switch (size) {
            case MAX -> max;
            case MIN -> 0;
            case ANY -> chance(4) ? 0 : chance(4) ? max : between(1, 6);
        };
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(text(maxLength));
        }
        return values;
    }

    /** An absolute https URL of at most {@code max} characters, Unicode in its path (java.net.URI accepts it). */
    String url(int max) {
        String base = "https://" + unique() + ".example/";
        int units = Math.max(base.length() + 1, length(base.length() + 1, max));
        return fill(new StringBuilder(base), units, URL_PIECES);
    }

    private static final String[] URL_PIECES = {"a", "b", "-", "_", "~", "é", "中", "\uD83D\uDE00", "%20", "/", "x=1", "9"};

    // ---- DIDs

    /** A DID of at most {@code max} characters in W3C syntax, with percent-encoded octets, unique to this run. */
    String did(int max) {
        String method = oneOf(List.of("web", "key", "example", "x9", "ebsi"));
        String prefix = "did:" + method + ":" + unique();
        int units = switch (size) {
            case MAX -> max;
            case MIN -> prefix.length();
            case ANY -> chance(3) ? max : between(prefix.length(), Math.min(max, prefix.length() + 60));
        };
        String[] pieces = {"a", "Z", "0", ".", "-", "_", ":", "%3A", "%2F", "%00", "%25", "%e2%82%ac"};
        StringBuilder did = new StringBuilder(fill(new StringBuilder(prefix), units, pieces));
        // the last segment must not be empty
        while (did.charAt(did.length() - 1) == ':') {
            did.setCharAt(did.length() - 1, 'q');
        }
        String value = did.toString();
        if (!Did.isValid(value) || value.length() > max) {
            throw new IllegalStateException("generated an invalid DID: " + value);
        }
        return value;
    }

    /** The DID as a path segment: its own '%' must be sent as %25. */
    static String inPath(String did) {
        return did.replace("%", "%25");
    }

    String unique() {
        return Long.toHexString(random.nextLong() & 0xffffffffffL) + UUID.randomUUID().toString().substring(0, 6);
    }

    // ---- times

    /**
     * Instants PostgreSQL or a JDBC driver gets wrong if anything goes through the Julian calendar or a
     * double: the first and last microsecond of the years 0001–9999, the Julian/Gregorian switch, the
     * last microsecond before the epoch, and the Julian leap days Gregorian does not have (a
     * {@code java.sql.Timestamp} on such an instant is written as "1500-02-29", which PostgreSQL refuses).
     */
    static final List<Instant> EXTREME_TIMES;

    static {
        List<Instant> times = new ArrayList<>(List.of(
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("0001-01-01T00:00:00.000001Z"),
                Instant.parse("0001-12-31T23:59:59.999999Z"), Instant.parse("1582-10-04T23:59:59.999999Z"),
                Instant.parse("1582-10-05T00:00:00Z"), Instant.parse("1582-10-10T12:00:00Z"),
                Instant.parse("1582-10-14T23:59:59.999999Z"), Instant.parse("1582-10-15T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("1970-01-01T00:00:00.000001Z"), Instant.parse("2038-01-19T03:14:08Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"), Instant.parse("9999-12-31T23:59:59.999999999Z")));
        GregorianCalendar julian = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        for (int year : new int[] {100, 200, 300, 500, 900, 1300, 1500}) {
            julian.clear();
            julian.set(year, java.util.Calendar.FEBRUARY, 29, 12, 0, 0);
            times.add(julian.toInstant());
        }
        EXTREME_TIMES = List.copyOf(times);
    }

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    Instant between(Instant from, Instant until) {
        long seconds = from.getEpochSecond() + (long) (random.nextDouble() * (until.getEpochSecond() - from.getEpochSecond()));
        Instant t = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
        return t.isAfter(until) ? until : t.isBefore(from) ? from : t;
    }

    /** A time after {@code after} (µs precision kept apart), extreme now and then. */
    Instant later(Instant after) {
        List<Instant> candidates = EXTREME_TIMES.stream()
                .filter(t -> t.truncatedTo(ChronoUnit.MICROS).isAfter(after.truncatedTo(ChronoUnit.MICROS))).toList();
        if (!candidates.isEmpty() && chance(2)) {
            return oneOf(candidates);
        }
        Instant t = between(after.plus(1, ChronoUnit.MICROS), LAST);
        return t.truncatedTo(ChronoUnit.MICROS).isAfter(after.truncatedTo(ChronoUnit.MICROS)) ? t
                : after.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
    }

    /** A time before {@code before} at µs precision. */
    Instant earlier(Instant before) {
        List<Instant> candidates = EXTREME_TIMES.stream()
                .filter(t -> t.truncatedTo(ChronoUnit.MICROS).isBefore(before.truncatedTo(ChronoUnit.MICROS)))
                .toList();
        if (!candidates.isEmpty() && chance(2)) {
            return oneOf(candidates);
        }
        Instant t = between(FIRST, before.minus(1, ChronoUnit.MICROS));
        return t.truncatedTo(ChronoUnit.MICROS).isBefore(before.truncatedTo(ChronoUnit.MICROS)) ? t : FIRST;
    }

    /** RFC 3339 with Z and 0 to 9 digits of fraction (fewer digits than the instant has cut it). */
    String rfc3339(Instant t) {
        return rfc3339(t, chance(3) ? 9 : between(0, 9));
    }

    static String rfc3339(Instant t, int digits) {
        LocalDateTime local = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d", local.getYear(), local.getMonthValue(),
                local.getDayOfMonth(), local.getHour(), local.getMinute(), local.getSecond());
        if (digits > 0) {
            text += "." + String.format("%09d", local.getNano()).substring(0, digits);
        }
        return text + "Z";
    }

    /** What the registry keeps of a time sent as {@code text}: the microsecond it falls in. */
    static Instant kept(String text) {
        return text == null ? null : Instant.parse(text).truncatedTo(ChronoUnit.MICROS);
    }

    // ---- free JSON

    /** Numbers that doubles, jsonb or a JSON reader get wrong: huge, tiny, long, negative zero. */
    private static final List<Number> NUMBERS = List.of(0, -1, Integer.MAX_VALUE, Long.MIN_VALUE,
            new BigInteger("9223372036854775808"), BigInteger.TEN.pow(StorableJsonValidator.MAX_NUMBER_LENGTH - 1),
            new BigDecimal("0.1"), new BigDecimal("-1.5E-7"), new BigDecimal("3.14159265358979323846264338327950288"),
            new BigDecimal("1E+400"), new BigDecimal("-1E-400"), new BigDecimal("1.0"), new BigDecimal("1.50"),
            new BigDecimal("-0.0"), new BigDecimal("4.9E-324"), new BigDecimal("1.7976931348623157E+308"),
            new BigDecimal("9.99E+999") /* 1000 digits written out */,
            new BigDecimal("-1E-997") /* "-0." and 997 digits: 1000 characters written out */);

    Number number() {
        return chance(3) ? oneOf(NUMBERS) : chance(2) ? (Number) random.nextLong()
                : new BigDecimal(random.nextLong()).scaleByPowerOfTen(between(-30, 30));
    }

    /** A JSON object as metadata or a proof: nested up to the deepest allowed, with every kind of value. */
    Map<String, Object> jsonObject(int maxMembers) {
        return jsonObject(maxMembers, StorableJsonValidator.MAX_DEPTH);
    }

    /** A JSON object whose containers go at most {@code maxDepth} levels deep (itself being the first). */
    Map<String, Object> jsonObject(int maxMembers, int maxDepth) {
        return switch (size) {
            case MIN -> new LinkedHashMap<>();
            case MAX -> object(maxDepth, maxMembers, true);
            case ANY -> chance(5) ? new LinkedHashMap<>()
                    : object(chance(4) ? maxDepth : between(1, Math.min(4, maxDepth)), maxMembers, false);
        };
    }

    /** An object whose deepest container is {@code depth} levels down (this one is level 1). */
    private Map<String, Object> object(int depth, int maxMembers, boolean wide) {
        Map<String, Object> object = new LinkedHashMap<>();
        int members = wide ? maxMembers : between(1, Math.min(maxMembers, 6));
        for (int i = 0; i < members - (depth > 1 ? 1 : 0); i++) {
            object.put(key(i), scalar());
        }
        if (depth > 1) {
            object.put(key(members), chance(2) ? object(depth - 1, 3, false) : array(depth - 1));
        }
        return object;
    }

    private List<Object> array(int depth) {
        List<Object> array = new ArrayList<>();
        array.add(scalar());
        if (depth > 1) {
            array.add(List.of());
            array.add(Map.of());
            array.add(chance(2) ? object(depth - 1, 3, false) : array(depth - 1));
        }
        return array;
    }

    private String key(int i) {
        return chance(2) ? "k" + i : build(between(1, 12), false, false) + i;
    }

    private Object scalar() {
        return switch (random.nextInt(6)) {
            case 0 -> number();
            case 1 -> random.nextBoolean();
            case 2 -> null;
            case 3 -> chance(8) ? build(between(5_000, 20_000), true, false) : build(between(0, 40), true, false);
            default -> oneOf(List.of("", " ", "\t", "\n", "\uFEFF", "\uD83D\uDE00", "NULL", "null", "1e400"));
        };
    }
}
