package io.mxcp.core.internal.types;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date and time parsing of the reference, with its error texts: Python's {@code strptime} for
 * {@code date} and {@code time}, {@code datetime.fromisoformat} (3.11) for {@code date-time}, and
 * {@code datetime.fromtimestamp} for {@code timestamp} (spec 01 §3.4).
 */
final class TemporalFormats {

    // strptime's own patterns for %Y, %m, %d, %H, %M, %S (CPython _strptime.py), matched at the start.
    private static final Pattern STRPTIME_DATE = Pattern.compile(
            "(\\d\\d\\d\\d)-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])", Pattern.CASE_INSENSITIVE);
    private static final Pattern STRPTIME_TIME = Pattern.compile(
            "(2[0-3]|[0-1]\\d|\\d):([0-5]\\d|\\d):(6[0-1]|[0-5]\\d|\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})");
    private static final Pattern ISO_TIME = Pattern.compile(
            "(\\d{2})(?::?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)? ?(?:([+-])(\\d{2})(?::?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?)?");
    /** An ISO week date, {@code 2024-W03-1} or {@code 2024W031}, the day optional (Monday). */
    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})(?:-W(\\d{2})(?:-(\\d))?|W(\\d{2})(\\d)?)");
    /** Beyond any year Python's datetime has, and small enough that the microseconds fit a long. */
    private static final double MAX_EPOCH_SECONDS = 1e12;

    private TemporalFormats() {
    }

    static LocalDate date(String text) throws ConversionException {
        Matcher m = strptime(STRPTIME_DATE, text, "%Y-%m-%d");
        return calendarDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3).trim()));
    }

    static LocalTime time(String text) throws ConversionException {
        Matcher m = strptime(STRPTIME_TIME, text, "%H:%M:%S");
        return time(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), 0);
    }

    private static Matcher strptime(Pattern pattern, String text, String format) throws ConversionException {
        Matcher m = pattern.matcher(text);
        if (!m.lookingAt()) {
            throw ConversionException.raw("time data " + PythonText.repr(text) + " does not match format '" + format + "'");
        }
        if (m.end() != text.length()) {
            throw ConversionException.raw("unconverted data remains: " + text.substring(m.end()));
        }
        return m;
    }

    /**
     * Python's {@code datetime.fromisoformat}: a {@code LocalDateTime}, or an {@code OffsetDateTime} when the text has
     * an offset; a field out of its range is Python's message for it ({@code hour must be in 0..23}).
     */
    static Object dateTime(String original) throws ConversionException {
        String text = original.replace("Z", "+00:00");
        ConversionException invalid = ConversionException.raw("Invalid isoformat string: " + PythonText.repr(text));
        Matcher week = ISO_WEEK.matcher(text);
        Matcher date = ISO_DATE.matcher(text);
        LocalDate day;
        int end;
        if (week.lookingAt()) {
            day = weekDate(week, invalid);
            end = week.end();
        } else if (date.lookingAt() && (date.group(0).length() == 8 || date.group(0).length() == 10)) {
            day = calendarDate(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(3)));
            end = date.end();
        } else {
            throw invalid;
        }
        String rest = text.substring(end);
        if (rest.isEmpty()) {
            return day.atStartOfDay();
        }
        char separator = rest.charAt(0);
        if (separator != 'T' && separator != 't' && separator != ' ') {
            throw invalid;
        }
        Matcher t = ISO_TIME.matcher(rest.substring(1));
        if (!t.matches()) {
            throw invalid;
        }
        LocalDateTime local = day.atTime(time(Integer.parseInt(t.group(1)),
                t.group(2) == null ? 0 : Integer.parseInt(t.group(2)),
                t.group(3) == null ? 0 : Integer.parseInt(t.group(3)), nanos(t.group(4))));
        if (t.group(5) == null) {
            return local;
        }
        int sign = "-".equals(t.group(5)) ? -1 : 1;
        int seconds = Integer.parseInt(t.group(6)) * 3600 + (t.group(7) == null ? 0 : Integer.parseInt(t.group(7))) * 60
                + (t.group(8) == null ? 0 : Integer.parseInt(t.group(8)));
        try {
            return local.atOffset(ZoneOffset.ofTotalSeconds(sign * seconds));
        } catch (DateTimeException e) {
            throw invalid;
        }
    }

    private static LocalDate weekDate(Matcher week, ConversionException invalid) throws ConversionException {
        int year = checkedYear(Integer.parseInt(week.group(1)));
        String weekText = week.group(2) != null ? week.group(2) : week.group(4);
        String dayText = week.group(2) != null ? week.group(3) : week.group(5);
        int weekNumber = Integer.parseInt(weekText);
        int weekday = dayText == null ? 1 : Integer.parseInt(dayText);
        LocalDate fourthOfJanuary = LocalDate.of(year, 1, 4);
        if (weekNumber < 1 || weekNumber > fourthOfJanuary.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()
                || weekday < 1 || weekday > 7) {
            throw invalid;
        }
        return fourthOfJanuary.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, weekNumber).with(ChronoField.DAY_OF_WEEK, weekday);
    }

    private static LocalDate calendarDate(int year, int month, int day) throws ConversionException {
        checkedYear(year);
        if (month < 1 || month > 12) {
            throw ConversionException.raw("month must be in 1..12");
        }
        if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            throw ConversionException.raw("day is out of range for month");
        }
        return LocalDate.of(year, month, day);
    }

    /** A year Python's datetime has (it starts at 1; LocalDate would read 0 as 1 BC). */
    private static int checkedYear(int year) throws ConversionException {
        if (year < 1) {
            throw ConversionException.raw("year " + year + " is out of range");
        }
        return year;
    }

    private static LocalTime time(int hour, int minute, int second, int nanos) throws ConversionException {
        if (hour > 23) {
            throw ConversionException.raw("hour must be in 0..23");
        }
        if (minute > 59) {
            throw ConversionException.raw("minute must be in 0..59");
        }
        if (second > 59) {
            throw ConversionException.raw("second must be in 0..59");
        }
        return LocalTime.of(hour, minute, second, nanos);
    }

    /**
     * Python's {@code datetime.fromtimestamp}: the local time of epoch seconds, to the microsecond.
     *
     * @throws ConversionException for NaN, the infinities and times outside Python's years 1 to 9999 (a rounded
     *                             {@code long} would otherwise turn them into some far date)
     */
    static LocalDateTime timestamp(double epochSeconds) throws ConversionException {
        if (!(Math.abs(epochSeconds) <= MAX_EPOCH_SECONDS)) {
            throw ConversionException.raw("timestamp out of range");
        }
        long micros = Math.round(epochSeconds * 1_000_000d);
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        LocalDateTime local = LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
        if (local.getYear() < 1 || local.getYear() > 9999) {
            throw ConversionException.raw("year " + local.getYear() + " is out of range");
        }
        return local;
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String micros = (fraction + "000000").substring(0, 6);
        return Integer.parseInt(micros) * 1000;
    }
}
