package ru.msed.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;
import ru.msed.engine.DiagramFunctions;

/**
 * Terms in calendar days, for the diagrams' expressions — the law's terms (Federal Law 59-FZ counts
 * calendar days): {@code camunda:dueDate="${calendarDays.add(registeredAt, 30)}"}, a reminder
 * {@code ${calendarDays.before(answerDueDate, 5)}}. A diagram that counts working days instead names
 * {@link WorkingDays} with the same methods. A term whose last day is not a working day ends on the
 * working day before it (regional instructions), at the end of that working day.
 */
@Component("calendarDays")
@DiagramFunctions
public class CalendarDays {

    private final WorkingDays workingDays;
    /** The organizations' time zone ({@code msed.time-zone}), as {@link WorkingDays} counts: not the server's. */
    private final ZoneId zone;

    CalendarDays(WorkingDays workingDays, Clock clock) {
        this.workingDays = workingDays;
        this.zone = clock.getZone();
    }

    /** The end of the term of {@code days} calendar days from {@code from}. */
    public Date add(Date from, int days) {
        return workingDays.endOf(termEnd(toLocalDate(from), days));
    }

    /** The start of the day {@code days} calendar days before {@code due} (a reminder, an escalation). */
    public Date before(Date due, int days) {
        return workingDays.startOf(toLocalDate(due).minusDays(days));
    }

    /** The last day of a term of {@code days} calendar days from {@code from}, on a working day. */
    public LocalDate termEnd(LocalDate from, int days) {
        return workingDays.onOrBefore(from.plusDays(days));
    }

    private LocalDate toLocalDate(Date date) {
        return date.toInstant().atZone(zone).toLocalDate();
    }
}
