package ru.msed.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** Dates as clerks read them: «дд.мм.гггг» (GOST R 7.0.97), in the organizations' time zone. */
public final class RussianDates {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private RussianDates() {
    }

    public static String format(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    public static String format(Date moment, ZoneId zone) {
        return moment == null ? null : DATE.format(moment.toInstant().atZone(zone));
    }
}
