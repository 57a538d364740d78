package ru.msed.consideration;

import static ru.msed.consideration.DocumentConsiderationVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.msed.calendar.RussianDates;
import ru.msed.calendar.WorkingDays;

/**
 * The variables the consideration's execution part starts with once a resolution is approved: the
 * approval step sets them, and so does the start of a resolution approved elsewhere (an imported open
 * assignment that goes on in the regulation). One place, so both start the executors' work the same way.
 */
final class ExecutionStart {

    private ExecutionStart() {
    }

    /**
     * @param executors the responsible executor first, then the co-executors
     * @param author who approved the resolution (an extension request goes to them)
     * @param contributions the co-executors' contributions as the report form shows them, or null for none
     */
    static Map<String, Object> variables(String responsibleExecutor, String responsibleExecutorName, List<String> executors,
            LocalDate deadline, boolean onControl, String author, String contributions, WorkingDays workingDays) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(RESPONSIBLE_EXECUTOR, responsibleExecutor);
        variables.put(RESPONSIBLE_EXECUTOR_NAME, responsibleExecutorName);
        variables.put(DEADLINE_TEXT, RussianDates.format(deadline));
        if (contributions != null) {
            variables.put(CONTRIBUTIONS, contributions);
        }
        variables.put(ON_CONTROL, onControl);
        variables.put(EXECUTORS, new ArrayList<>(executors));
        variables.put(ASSIGNMENT_DUE_DATE, workingDays.endOf(deadline));
        variables.put(REPORT_SUBMITTED, false);
        variables.put(RESOLUTION_AUTHOR, author);
        variables.put(OVERDUE, false);
        return variables;
    }
}
