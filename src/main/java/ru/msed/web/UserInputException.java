package ru.msed.web;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input a person can fix: the message is Russian and shown to them as it is. It extends the
 * engine's form-validation exception so that a delegate throwing it makes Tasklist and
 * {@code /engine-rest} answer 400 with this message, and the task stays open with nothing saved.
 */
public class UserInputException extends FormFieldValidationException {

    private final List<String> problems;

    public UserInputException(List<String> problems) {
        super(null, String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public UserInputException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
