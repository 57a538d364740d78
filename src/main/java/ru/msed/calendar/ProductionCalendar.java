package ru.msed.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The Russian production calendar from the yearly data files: which dates are working days.
 * Loaded once at start-up; a required year without a file, or a broken line, stops the start.
 */
@Component
public class ProductionCalendar {

    private final Set<Integer> years = new HashSet<>();
    private final Map<LocalDate, Boolean> exceptions = new HashMap<>();

    ProductionCalendar(CalendarProperties properties, ResourceLoader resources) {
        List<Integer> missing = new ArrayList<>();
        for (int year : properties.years()) {
            Resource file = resources.getResource(properties.location() + year + ".csv");
            if (!file.exists()) {
                missing.add(year);
                continue;
            }
            load(year, file);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Production calendar: no file for year(s) " + missing + " in "
                    + properties.location() + " (see src/main/resources/calendar/README.md)");
        }
    }

    /** Whether dates of this year can be computed (its calendar file is loaded). */
    public boolean covers(LocalDate date) {
        return years.contains(date.getYear());
    }

    public boolean isWorkingDay(LocalDate date) {
        if (!years.contains(date.getYear())) {
            throw new IllegalStateException("Production calendar has no data for " + date.getYear()
                    + ": add calendar/" + date.getYear() + ".csv and list the year in msed.calendar.years");
        }
        Boolean exception = exceptions.get(date);
        if (exception != null) {
            return exception;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private void load(int year, Resource file) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("date,")) {
                    continue;
                }
                String[] cells = line.split(",", 3);
                try {
                    LocalDate date = LocalDate.parse(cells[0].strip());
                    if (date.getYear() != year) {
                        throw new IllegalStateException(file.getFilename() + ":" + number + ": " + date + " is not in " + year);
                    }
                    exceptions.put(date, switch (cells.length > 1 ? cells[1].strip() : "") {
                        case "holiday", "day-off" -> false;
                        case "working-day" -> true;
                        default -> throw new IllegalStateException(file.getFilename() + ":" + number
                                + ": kind must be holiday, day-off or working-day");
                    });
                } catch (DateTimeParseException e) {
                    throw new IllegalStateException(file.getFilename() + ":" + number + ": not a date: " + cells[0], e);
                }
            }
            years.add(year);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
