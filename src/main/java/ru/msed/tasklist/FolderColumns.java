package ru.msed.tasklist;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import ru.msed.calendar.RussianDates;
import ru.msed.connection.ConnectionRequestVariables;
import ru.msed.engine.TaskTitles;
import ru.msed.incoming.IncomingDocumentVariables;
import ru.msed.outgoing.OutgoingDocumentVariables;

/**
 * The folders' columns (number, summary, deadline, correspondent) as <em>task-local</em> variables,
 * copied when a task is created and refreshed when it changes (a deadline moved by an extension).
 * Whoever may see the task — its assignee and candidate groups get READ on it from the engine — can
 * then read them in Tasklist's list, while the instance's variables stay closed to them: nobody
 * gets read access to an instance, let alone another one. The deadline is the task's due date as a
 * Russian date in the organizations' time zone.
 */
@Component
class FolderColumns extends AbstractProcessEnginePlugin {

    static final String NUMBER = "folderNumber";
    static final String SUMMARY = "folderSummary";
    static final String DEADLINE = "folderDeadline";
    static final String CORRESPONDENT = "folderCorrespondent";
    private static final int TEXT_MAX = 200;

    private final ZoneId zone;
    private final TaskListener fill = this::fill;

    FolderColumns(Clock clock) {
        this.zone = clock.getZone();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, fill);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, fill);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    void fill(DelegateTask task) {
        put(task, NUMBER, number(task));
        put(task, SUMMARY, shorten(firstOf(task, IncomingDocumentVariables.SUMMARY, ConnectionRequestVariables.ORGANIZATION_NAME)));
        put(task, DEADLINE, RussianDates.format(task.getDueDate(), zone));
        put(task, CORRESPONDENT, shorten(firstOf(task, IncomingDocumentVariables.CORRESPONDENT, OutgoingDocumentVariables.ADDRESSEES)));
    }

    private static String number(DelegateTask task) {
        String number = TaskTitles.documentNumber(task);
        if (number == null && task.getVariable(ConnectionRequestVariables.REQUEST_ID) != null) {
            number = "Заявка № " + task.getVariable(ConnectionRequestVariables.REQUEST_ID);
        }
        return number;
    }

    private static String firstOf(DelegateTask task, String... names) {
        for (String name : names) {
            Object value = task.getVariable(name);
            if (value != null && !value.toString().isBlank()) {
                return value.toString().strip();
            }
        }
        return null;
    }

    private static String shorten(String text) {
        return text == null || text.length() <= TEXT_MAX ? text : text.substring(0, TEXT_MAX - 1) + "…";
    }

    /** Writes only what changed: an update event must not rewrite four variables for nothing. */
    private static void put(DelegateTask task, String name, String value) {
        if (Objects.equals(task.getVariableLocal(name), value)) {
            return;
        }
        if (value == null) {
            task.removeVariableLocal(name);
        } else {
            task.setVariableLocal(name, value);
        }
    }
}
