package ru.msed.calendar;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.springframework.core.io.DefaultResourceLoader;

/** The real production calendar (files in resources) outside Spring, for tests of diagrams alone. */
public final class TestCalendars {

    private TestCalendars() {
    }

    public static WorkingDays workingDays() {
        CalendarProperties properties = new CalendarProperties(null, List.of(2025, 2026, 2027), 9, 18);
        return new WorkingDays(new ProductionCalendar(properties, new DefaultResourceLoader()), properties,
                Clock.system(ZoneId.of("Europe/Moscow")));
    }
}
