package ru.msed.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The calendar files against the official 2025–2026 calendars. */
class WorkingDaysTest {

    final CalendarProperties properties = new CalendarProperties(null, List.of(2025, 2026, 2027), 9, 18);
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    final WorkingDays workingDays = new WorkingDays(new ProductionCalendar(properties, new DefaultResourceLoader()), properties,
            Clock.system(MOSCOW));

    @Test
    void newYearHolidaysOf2026RunToTheEleventhOfJanuary() {
        // Wednesday 31 December 2025 is a day off (transferred from 5 January 2025); 9 January 2026 from 3 January.
        assertThat(workingDays.addDays(LocalDate.of(2025, 12, 30), 1)).isEqualTo(LocalDate.of(2026, 1, 12));
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 1, 9))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 1, 12))).isTrue();
    }

    @Test
    void mayHolidaysOf2026IncludeTheTransferredMonday() {
        // 1 May Friday; 9 May Saturday → Monday 11 May off.
        assertThat(workingDays.addDays(LocalDate.of(2026, 4, 30), 1)).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(workingDays.addDays(LocalDate.of(2026, 5, 8), 1)).isEqualTo(LocalDate.of(2026, 5, 12));
        assertThat(workingDays.addDays(LocalDate.of(2026, 3, 6), 1)).isEqualTo(LocalDate.of(2026, 3, 10));
    }

    @Test
    void transferredSaturdayOf2025IsAWorkingDay() {
        // Saturday 1 November 2025 worked; Monday 3 November and Tuesday 4 November off.
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 11, 1))).isTrue();
        assertThat(workingDays.addDays(LocalDate.of(2025, 10, 31), 1)).isEqualTo(LocalDate.of(2025, 11, 1));
        assertThat(workingDays.addDays(LocalDate.of(2025, 11, 1), 1)).isEqualTo(LocalDate.of(2025, 11, 5));
        // 23 February 2025 (Sunday) was moved to Thursday 8 May, not to Monday 24 February.
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 2, 24))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 5, 8))).isFalse();
    }

    @Test
    void countsBackwardsForRemindersAndMovesATermOffANonWorkingDay() {
        Date due = date(LocalDateTime.of(2026, 5, 12, 18, 0));
        assertThat(workingDays.before(due, 2)).isEqualTo(date(LocalDateTime.of(2026, 5, 7, 9, 0)));
        assertThat(workingDays.add(date(LocalDateTime.of(2026, 5, 8, 10, 0)), 2))
                .isEqualTo(date(LocalDateTime.of(2026, 5, 13, 18, 0)));
        assertThat(workingDays.onOrBefore(LocalDate.of(2026, 5, 11))).isEqualTo(LocalDate.of(2026, 5, 8));
    }

    @Test
    void theWorkingDayEndsAtSixInMoscowWhateverTheServersZone() {
        // 18:00 in Moscow (UTC+3) is 15:00 UTC, on a server in UTC or anywhere else.
        assertThat(workingDays.endOf(LocalDate.of(2026, 12, 11))).isEqualTo(Date.from(Instant.parse("2026-12-11T15:00:00Z")));
        // 22:30 UTC on 10 December is already 11 December in Moscow: one working day later is the 14th (Monday).
        assertThat(workingDays.add(Date.from(Instant.parse("2026-12-10T22:30:00Z")), 1))
                .isEqualTo(Date.from(Instant.parse("2026-12-14T15:00:00Z")));
    }

    @Test
    void aYearWithoutDataIsAClearError() {
        assertThatThrownBy(() -> workingDays.isWorkingDay(LocalDate.of(2031, 3, 3)))
                .hasMessageContaining("no data for 2031");
        CalendarProperties missing = new CalendarProperties(null, List.of(2026, 2031), 9, 18);
        assertThatThrownBy(() -> new ProductionCalendar(missing, new DefaultResourceLoader()))
                .hasMessageContaining("no file for year(s) [2031]");
    }

    private static Date date(LocalDateTime time) {
        return Date.from(time.atZone(MOSCOW).toInstant());
    }
}
