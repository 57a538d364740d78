package ru.msed.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The fast path answers exactly as FEEL does, and leaves to FEEL what it does not know. */
class DecisionFeelTest {

    private final FeelEngine feel = new ScalaFeelEngineFactory(new ArrayList<>()).createInstance();
    private final CountingFeel counted = new CountingFeel(feel);
    private final FeelEngine quick = new DecisionFeel.Quick(counted);

    @Test
    void aNamedVariableIsItsValueWithoutFeel() {
        VariableContext context = Variables.createVariables().putValue("topic", "FINANCE").putValue("urgent", true)
                .putValue("sheets", 3).asVariableContext();
        for (String expression : List.of("topic", " topic ", "urgent")) {
            Object expected = feel.evaluateSimpleExpression(expression, context);
            assertThat((Object) quick.evaluateSimpleExpression(expression, context)).isEqualTo(expected);
        }
        assertThat(counted.calls).isZero();
        // Not a string or boolean, not a plain name, or not a variable: FEEL decides.
        for (String expression : List.of("sheets", "sheets + 1", "topic = \"FINANCE\"", "absent", "null", "true")) {
            Object expected = feel.evaluateSimpleExpression(expression, context);
            assertThat((Object) quick.evaluateSimpleExpression(expression, context)).as(expression).isEqualTo(expected);
        }
        assertThat(counted.calls).isEqualTo(6);
    }

    @Test
    void aListOfStringsMatchesAsFeelMatchesIt() {
        List<String> entries = List.of("\"FINANCE\"", "\"LEGAL\",\"FINANCE\"", " \"GENERAL\" , \"CITIZENS\" ", "\"a,b\"", "\"\"");
        for (String input : List.of("FINANCE", "LEGAL", "GENERAL", "CITIZENS", "a,b", "a", "", "finance")) {
            VariableContext context = Variables.createVariables().putValue("cellInput", input).asVariableContext();
            for (String entry : entries) {
                assertThat(quick.evaluateSimpleUnaryTests(entry, "cellInput", context)).as(entry + " for " + input)
                        .isEqualTo(feel.evaluateSimpleUnaryTests(entry, "cellInput", context));
            }
        }
        assertThat(counted.calls).isZero();
    }

    @Test
    void otherEntriesAndInputsGoToFeel() {
        VariableContext text = Variables.createVariables().putValue("cellInput", "FINANCE").asVariableContext();
        VariableContext number = Variables.createVariables().putValue("cellInput", 5).asVariableContext();
        VariableContext none = Variables.createVariables().putValue("cellInput", null).asVariableContext();
        assertThat(quick.evaluateSimpleUnaryTests("not(\"FINANCE\")", "cellInput", text)).isFalse();
        assertThat(quick.evaluateSimpleUnaryTests("> 3", "cellInput", number)).isTrue();
        assertThat(quick.evaluateSimpleUnaryTests("\"FINANCE\"", "cellInput", none)).isFalse();
        assertThat(counted.calls).isEqualTo(3);
    }

    /** Counts what reaches FEEL. */
    static final class CountingFeel implements FeelEngine {

        private final FeelEngine feel;
        int calls;

        CountingFeel(FeelEngine feel) {
            this.feel = feel;
        }

        @Override
        public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
            calls++;
            return feel.evaluateSimpleExpression(expression, context);
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
            calls++;
            return feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
        }
    }
}
