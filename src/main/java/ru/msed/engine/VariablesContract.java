package ru.msed.engine;

import java.util.Set;

/**
 * Who may write which process variable of one diagram (one contract per diagram, declared in its
 * {@code <Name>Variables} class). Users write only through forms: a user task's form may set exactly
 * its own input fields (read from the deployed form, so an analyst adds a field without Java), a
 * start through the REST API only {@code startVariables}, and nobody through the APIs an
 * {@code engineOwned} variable — the ids of the objects the steps work on, who started the
 * instance, executors, counters and flags — which only the diagram's delegates set.
 *
 * @param processId          the diagram's process id (= file name)
 * @param startableByUsers   whether a user may start it through Tasklist or the REST API at all
 *                           (false: only the application starts it, e.g. from an upload)
 * @param startVariables     what such a start may carry (the start form's fields)
 * @param engineOwned        set only by delegates; refused on every REST path, even if a form declared it
 */
public record VariablesContract(String processId, boolean startableByUsers, Set<String> startVariables,
        Set<String> engineOwned) {

    public VariablesContract {
        startVariables = Set.copyOf(startVariables);
        engineOwned = Set.copyOf(engineOwned);
        if (startVariables.stream().anyMatch(engineOwned::contains)) {
            throw new IllegalArgumentException(processId + ": a start variable cannot be engine-owned");
        }
    }

    public boolean isEngineOwned(String variable) {
        return engineOwned.contains(variable);
    }
}
