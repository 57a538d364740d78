package ru.msed.appeal;

import java.time.LocalDate;
import java.util.Date;
import ru.msed.calendar.CalendarDays;
import ru.msed.calendar.TestCalendars;

/** The terms tests expect, computed on the real calendar as the diagram's expressions compute them. */
final class TestTerms {

    private static final CalendarDays CALENDAR_DAYS = TestCalendars.calendarDays();

    private TestTerms() {
    }

    static LocalDate daysFrom(LocalDate from, int days) {
        return CALENDAR_DAYS.termEnd(from, days);
    }

    static Date endOf(LocalDate day) {
        return TestCalendars.workingDays().endOf(day);
    }
}
