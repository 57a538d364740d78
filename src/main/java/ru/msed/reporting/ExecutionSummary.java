package ru.msed.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * Execution discipline for a period (assignments whose due date falls in it): per executor, on
 * time, late, still open (not yet due) and overdue (open past the due date), with totals.
 */
public record ExecutionSummary(LocalDate from, LocalDate to, LocalDate asOf, List<Row> rows, Counts totals) {

    public record Row(String department, String executor, String executorName, Counts counts) {
    }

    public record Counts(long onTime, long late, long open, long overdue) {

        public long total() {
            return onTime + late + open + overdue;
        }

        Counts plus(Counts other) {
            return new Counts(onTime + other.onTime, late + other.late, open + other.open, overdue + other.overdue);
        }

        static final Counts ZERO = new Counts(0, 0, 0, 0);
    }
}
