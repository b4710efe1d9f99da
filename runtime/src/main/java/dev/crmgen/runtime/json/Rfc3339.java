package dev.crmgen.runtime.json;

import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * RFC 3339 date-times by hand, both ways: the fast parse of the common form and the text {@link JsonCodecs#DATE_TIME}
 * writes. Kept apart from the codecs because it is character arithmetic with its own invariants.
 */
final class Rfc3339 {
    private Rfc3339() {}

    /**
     * Parses {@code yyyy-MM-dd'T'HH:mm[:ss[.fraction]]} then {@code Z} or {@code ±hh:mm} (T and Z in either case,
     * 1 to 9 fraction digits) by hand, giving exactly what {@link OffsetDateTime#parse} gives for such text.
     * Returns null for anything else, valid or not (other offset forms, expanded years, out-of-range fields), so
     * the caller can leave those to {@link OffsetDateTime#parse} and keep its acceptance and its errors.
     */
    static OffsetDateTime parse(char[] c, int off, int len) {
        // Why by hand: OffsetDateTime.parse goes through DateTimeFormatter's general machinery, which allocates a
        // field map per value and dominated decoding of HubSpot responses (three date-times per object).
        if (len < 17 || len > 35) {
            return null;
        }
        int end = off + len;
        int year = num4(c, off);
        int month = num2(c, off + 5);
        int day = num2(c, off + 8);
        int hour = num2(c, off + 11);
        int minute = num2(c, off + 14);
        if ((year | month | day | hour | minute) < 0
                || c[off + 4] != '-'
                || c[off + 7] != '-'
                || (c[off + 10] != 'T' && c[off + 10] != 't')
                || c[off + 13] != ':') {
            return null;
        }
        int pos = off + 16;
        int second = 0;
        int nano = 0;
        if (c[pos] == ':') {
            if (pos + 3 > end || (second = num2(c, pos + 1)) < 0) {
                return null;
            }
            pos += 3;
            if (pos < end && c[pos] == '.') {
                int digits = 0;
                pos++;
                while (pos < end && digits < 10 && c[pos] >= '0' && c[pos] <= '9') {
                    nano = nano * 10 + (c[pos++] - '0');
                    digits++;
                }
                if (digits == 0 || digits > 9) {
                    return null;
                }
                for (int d = digits; d < 9; d++) {
                    nano *= 10;
                }
            }
        }
        int offsetSeconds;
        if (pos == end - 1 && (c[pos] == 'Z' || c[pos] == 'z')) {
            offsetSeconds = 0;
        } else if (pos == end - 6 && (c[pos] == '+' || c[pos] == '-') && c[pos + 3] == ':') {
            int oh = num2(c, pos + 1);
            int om = num2(c, pos + 4);
            if (oh < 0 || om < 0 || om > 59 || oh > 18 || (oh == 18 && om > 0)) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (c[pos] == '-' ? -1 : 1);
        } else {
            return null;
        }
        if (month < 1
                || month > 12
                || day < 1
                || (day > 28 && day > Month.of(month).length(Year.isLeap(year)))
                || hour > 23
                || minute > 59
                || second > 59) {
            return null;
        }
        // ofTotalSeconds looks every offset up in a concurrent map (boxing the key); HubSpot sends UTC.
        ZoneOffset offset = offsetSeconds == 0 ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(offsetSeconds);
        return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
    }

    /** Two ASCII digits at {@code i} as a number, or -1. */
    private static int num2(char[] c, int i) {
        int a = c[i] - '0';
        int b = c[i + 1] - '0';
        return (a | b) >= 0 && a <= 9 && b <= 9 ? a * 10 + b : -1;
    }

    /** Four ASCII digits at {@code i} as a number, or -1. */
    private static int num4(char[] c, int i) {
        int hi = num2(c, i);
        int lo = num2(c, i + 2);
        return (hi | lo) >= 0 ? hi * 100 + lo : -1;
    }

    /** The longest {@link #format(OffsetDateTime)} result: {@code +999999999-12-31T23:59:59.999999999+18:00:00}. */
    static final int MAX_CHARS = 44;

    /** The text {@link JsonCodecs#formatDateTime} describes. */
    static String format(OffsetDateTime value) {
        char[] buf = new char[MAX_CHARS];
        return new String(buf, 0, format(value, buf));
    }

    /** Writes {@link #format(OffsetDateTime)}'s text into {@code buf}; returns its length. */
    static int format(OffsetDateTime value, char[] buf) {
        // By hand rather than with a DateTimeFormatter: this runs for every date-time written, and the formatter's
        // field-by-field printing costs several times more than these few digit writes.
        int year = value.getYear();
        int pos;
        if (year >= 0 && year <= 9999) {
            pos = digits(buf, 0, year, 4);
        } else {
            // Beyond RFC 3339: ISO-8601's expanded year as LocalDate writes it, without its "-MM-dd".
            String date = value.toLocalDate().toString();
            pos = date.length() - 6;
            date.getChars(0, pos, buf, 0);
        }
        buf[pos++] = '-';
        pos = digits(buf, pos, value.getMonthValue(), 2);
        buf[pos++] = '-';
        pos = digits(buf, pos, value.getDayOfMonth(), 2);
        buf[pos++] = 'T';
        pos = digits(buf, pos, value.getHour(), 2);
        buf[pos++] = ':';
        pos = digits(buf, pos, value.getMinute(), 2);
        buf[pos++] = ':';
        pos = digits(buf, pos, value.getSecond(), 2);
        int nano = value.getNano();
        if (nano != 0) {
            buf[pos++] = '.';
            if (nano % 1_000_000 == 0) {
                pos = digits(buf, pos, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                pos = digits(buf, pos, nano / 1_000, 6);
            } else {
                pos = digits(buf, pos, nano, 9);
            }
        }
        String offset = value.getOffset().getId();
        offset.getChars(0, offset.length(), buf, pos);
        return pos + offset.length();
    }

    /** Writes {@code value} (non-negative) as exactly {@code count} decimal digits, zero-padded; returns the end. */
    private static int digits(char[] buf, int pos, int value, int count) {
        for (int i = pos + count - 1; i >= pos; i--) {
            buf[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return pos + count;
    }
}
