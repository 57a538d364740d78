package ru.msed.calendar;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.springframework.core.io.DefaultResourceLoader;

/** The real production calendar (files in resources) outside Spring, for tests of diagrams alone. */
public final class TestCalendars {

    /** The organizations' default time zone, whatever the machine's. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    private static final Clock CLOCK = Clock.system(ZONE);

    private TestCalendars() {
    }

    public static CalendarDays calendarDays() {
        return new CalendarDays(workingDays(), CLOCK);
    }

    public static WorkingDays workingDays() {
        CalendarProperties properties = new CalendarProperties(null, List.of(2025, 2026, 2027), 9, 18);
        return new WorkingDays(new ProductionCalendar(properties, new DefaultResourceLoader()), properties, CLOCK);
    }
}
