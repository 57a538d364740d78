package ru.msed.engine;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads the values Camunda Forms submit (strings, ISO dates, numbers, JSON lists) into Java
 * types, collecting a Russian message per field that cannot be read instead of failing on the first.
 */
public final class ProcessValues {

    private final VariableScope scope;
    private final List<String> problems = new ArrayList<>();

    public ProcessValues(VariableScope scope) {
        this.scope = scope;
    }

    public List<String> problems() {
        return problems;
    }

    public String text(String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    public LocalDate date(String name, String label) {
        Object value = scope.getVariable(name);
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        }
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            // form-js sends "2026-11-26"; a datetime field may add a time part.
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            problems.add("Поле «" + label + "»: «" + text + "» не является датой.");
            return null;
        }
    }

    public Integer integer(String name, String label) {
        Object value = scope.getVariable(name);
        if (value instanceof Number number) {
            if (number.doubleValue() != Math.rint(number.doubleValue())) {
                problems.add("Поле «" + label + "» должно быть целым числом.");
                return null;
            }
            return number.intValue();
        }
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            problems.add("Поле «" + label + "»: «" + text + "» не является целым числом.");
            return null;
        }
    }

    public boolean flag(String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type, String label) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            problems.add("Поле «" + label + "»: недопустимое значение «" + text + "».");
            return null;
        }
    }

    /** A list from a taglist/checklist (Spin JSON), a Java collection, or a comma-separated string. */
    public List<String> list(String name) {
        Object value = scope.getVariable(name);
        List<String> items = new ArrayList<>();
        if (value instanceof SpinJsonNode json) {
            if (json.isArray()) {
                json.elements().forEach(node -> items.add(node.isString() ? node.stringValue() : node.toString()));
            } else if (json.isString()) {
                items.add(json.stringValue());
            }
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(item -> items.add(String.valueOf(item)));
        } else if (value != null) {
            String text = value.toString().strip();
            if (text.startsWith("[")) {
                org.camunda.spin.Spin.JSON(text).elements().forEach(node -> items.add(node.stringValue()));
            } else if (!text.isEmpty()) {
                items.addAll(List.of(text.split("\\s*,\\s*")));
            }
        }
        return items.stream().map(String::strip).filter(item -> !item.isEmpty()).distinct().toList();
    }
}
