package ru.msed.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;
import ru.msed.engine.DiagramFunctions;

/**
 * Deadlines in working days, for the diagrams' expressions: {@code camunda:dueDate="${workingDays.add(now(), 2)}"},
 * {@code camunda:followUpDate="${workingDays.before(assignmentDueDate, 2)}"}, timer dates. The one
 * place where dates are computed; delegates call it too.
 */
@Component("workingDays")
@DiagramFunctions
public class WorkingDays {

    private final ProductionCalendar calendar;
    private final CalendarProperties properties;
    /** The organizations' time zone ({@code msed.time-zone}): a working day ends at 18:00 there, not on the server. */
    private final ZoneId zone;

    WorkingDays(ProductionCalendar calendar, CalendarProperties properties, Clock clock) {
        this.calendar = calendar;
        this.properties = properties;
        this.zone = clock.getZone();
    }

    /** The end of the working day that comes {@code days} working days after {@code from}. */
    public Date add(Date from, int days) {
        return endOf(addDays(toLocalDate(from), days));
    }

    /** The start of the working day {@code days} working days before {@code due} (a reminder). */
    public Date before(Date due, int days) {
        return startOf(addDays(toLocalDate(due), -days));
    }

    /** A term on a non-working day moves to the previous working day (regional instructions). */
    public LocalDate onOrBefore(LocalDate date) {
        LocalDate day = date;
        while (!calendar.isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    public LocalDate addDays(LocalDate from, int days) {
        int step = days >= 0 ? 1 : -1;
        LocalDate day = from;
        for (int left = Math.abs(days); left > 0; ) {
            day = day.plusDays(step);
            if (calendar.isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    public boolean isWorkingDay(LocalDate date) {
        return calendar.isWorkingDay(date);
    }

    public Date endOf(LocalDate day) {
        return Date.from(day.atTime(properties.workdayEnd(), 0).atZone(zone).toInstant());
    }

    public Date startOf(LocalDate day) {
        return Date.from(day.atTime(properties.workdayStart(), 0).atZone(zone).toInstant());
    }

    private LocalDate toLocalDate(Date date) {
        return date.toInstant().atZone(zone).toLocalDate();
    }
}
