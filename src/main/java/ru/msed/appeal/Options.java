package ru.msed.appeal;

import java.util.List;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** The options of a form's select or checklist: a Json list of {label, value}, as form-js reads them. */
final class Options {

    private Options() {
    }

    record Option(String value, String label) {
    }

    static JsonValue of(List<Option> options) {
        SpinJsonNode list = Spin.JSON("[]");
        for (Option option : options) {
            SpinJsonNode node = Spin.JSON("{}");
            node.prop("label", option.label());
            node.prop("value", option.value());
            list.append(node);
        }
        return SpinValues.jsonValue(list).create();
    }

    static JsonValue values(List<String> values) {
        SpinJsonNode list = Spin.JSON("[]");
        values.forEach(list::append);
        return SpinValues.jsonValue(list).create();
    }

    static JsonValue bodies(List<CompetentBodies.Body> bodies) {
        return of(bodies.stream().map(body -> new Option(body.code(), body.name())).toList());
    }
}
