package ru.msed.appeal;

import java.time.LocalDate;
import java.util.List;

/**
 * Citizens' appeals registered in a period: by topic section, kind, form of receipt and result, how many
 * were forwarded, whether the terms were kept, and by department and executor.
 */
public record AppealReport(LocalDate from, LocalDate to, LocalDate asOf, Terms totals, List<Line> byTopicSection,
        List<Line> byKind, List<Line> byReceiptForm, List<Line> byResult, List<ExecutorLine> byExecutor) {

    /** Registered; closed; still open; forwarded; answered within the term; term violated; extended. */
    public record Terms(long registered, long closed, long open, long forwarded, long kept, long violated, long extended) {
    }

    public record Line(String code, String name, long count) {
    }

    public record ExecutorLine(String department, String executor, String executorName, long count, long kept, long violated) {
    }
}
