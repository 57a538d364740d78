package ru.msed.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Makes a Tasklist list readable: every user task's name gets the document's registration number
 * and summary («Рассмотреть проект резолюции · Вх-12/26 · О предоставлении сведений»), while the
 * diagrams keep plain names that analysts read. A draft not yet registered (an outgoing document on
 * approval) is named by its draft number («Исх. проект № 12»).
 */
@Component
public class TaskTitles extends AbstractProcessEnginePlugin {

    /** Engine-owned in the diagrams that have one: how a card is called before it has a registration number. */
    public static final String DRAFT_NUMBER = "draftNumber";
    static final int NAME_MAX = 250;
    private static final int SUMMARY_MAX = 80;

    private static final TaskListener APPEND_DOCUMENT = TaskTitles::appendDocument;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, APPEND_DOCUMENT);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** The card's registration number, or its draft number until it is registered; null when it has neither. */
    public static String documentNumber(VariableScope scope) {
        Object number = scope.getVariable("registrationNumber");
        if (number == null) {
            number = scope.getVariable(DRAFT_NUMBER);
        }
        return number == null ? null : number.toString();
    }

    static void appendDocument(DelegateTask task) {
        String number = documentNumber(task);
        if (number == null || task.getName() == null) {
            return;
        }
        StringBuilder title = new StringBuilder(task.getName()).append(" · ").append(number);
        Object summary = task.getVariable("summary");
        if (summary != null && !summary.toString().isBlank()) {
            String text = summary.toString();
            title.append(" · ").append(text.length() > SUMMARY_MAX ? text.substring(0, SUMMARY_MAX - 1) + "…" : text);
        }
        task.setName(title.length() > NAME_MAX ? title.substring(0, NAME_MAX) : title.toString());
    }
}
