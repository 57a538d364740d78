package ru.msed.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Terms of the law in calendar days, on the real 2026 calendar. */
class CalendarDaysTest {

    final CalendarDays calendarDays = TestCalendars.calendarDays();

    @Test
    void thirtyCalendarDaysEndOnTheThirtiethDayAtTheEndOfTheWorkingDay() {
        // Registered on Monday 2 November 2026: the 30th day is Wednesday 2 December.
        assertThat(calendarDays.add(at(2026, 11, 2, 11), 30)).isEqualTo(at(2026, 12, 2, 18));
    }

    @Test
    void aTermEndingOnANonWorkingDayEndsOnTheWorkingDayBefore() {
        // 7 days from Saturday 31 October 2026 is Saturday 7 November → Friday 6 November.
        assertThat(calendarDays.termEnd(LocalDate.of(2026, 10, 31), 7)).isEqualTo(LocalDate.of(2026, 11, 6));
        // 30 days from 5 December 2026 is 4 January 2027, a holiday, and 31 December 2026 is a day off → 30 December.
        assertThat(calendarDays.termEnd(LocalDate.of(2026, 12, 5), 30)).isEqualTo(LocalDate.of(2026, 12, 30));
    }

    @Test
    void reminderIsAtTheStartOfTheDayCalendarDaysBeforeTheTerm() {
        assertThat(calendarDays.before(at(2026, 12, 2, 18), 5)).isEqualTo(at(2026, 11, 27, 9));
    }

    private static Date at(int year, int month, int day, int hour) {
        return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(TestCalendars.ZONE).toInstant());
    }
}
