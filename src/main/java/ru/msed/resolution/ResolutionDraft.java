package ru.msed.resolution;

import java.time.LocalDate;
import java.util.List;

/** The resolution's content as an assistant drafts it or a manager edits it. */
public record ResolutionDraft(String text, String responsibleExecutor, List<String> coExecutors, LocalDate deadline,
        boolean onControl) {

    public ResolutionDraft {
        coExecutors = coExecutors == null ? List.of() : List.copyOf(coExecutors);
    }

    ResolutionDraft withDeadline(LocalDate newDeadline) {
        return new ResolutionDraft(text, responsibleExecutor, coExecutors, newDeadline, onControl);
    }
}
