package ru.msed.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The decision tables' FEEL without the FEEL engine's per-call set-up: FEEL builds its registry of
 * built-in functions anew for every expression it evaluates, which made the routing decision
 * cost as much as a delegate. An input expression that only names a variable, and an input entry
 * that only lists string literals ({@code "FINANCE","LEGAL"}) — all the tables have today — are
 * answered here with FEEL's meaning; anything else an analyst writes goes to the FEEL engine as
 * before ({@code DecisionFeelTest} holds both to the same answers).
 */
@Component
class DecisionFeel extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // Created when the DMN engine is built, with the function providers the engine gave it by then.
        dmn.setFeelEngineFactory(() -> new Quick(new ScalaFeelEngineFactory(dmn.getFeelCustomFunctionProviders() == null
                ? new ArrayList<>() : dmn.getFeelCustomFunctionProviders()).createInstance()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    /** The fast path in front of a FEEL engine. */
    static final class Quick implements FeelEngine {

        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        private static final Pattern STRING_LIST = Pattern.compile("\"[^\"\\\\]*\"(\\s*,\\s*\"[^\"\\\\]*\")*");
        private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");
        private static final Set<String> LITERALS = Set.of("null", "true", "false");

        private final FeelEngine feel;
        /** An input entry's strings, or empty when the entry is more than a list of strings. */
        private final Map<String, Optional<Set<String>>> entries = new ConcurrentHashMap<>();

        Quick(FeelEngine feel) {
            this.feel = feel;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
            String name = expression == null ? "" : expression.strip();
            if (NAME.matcher(name).matches() && !LITERALS.contains(name) && context.containsVariable(name)) {
                TypedValue value = context.resolve(name);
                Object plain = value == null ? null : value.getValue();
                if (plain instanceof String || plain instanceof Boolean) {
                    return (T) plain;
                }
            }
            return feel.evaluateSimpleExpression(expression, context);
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
            Optional<Set<String>> strings = entries.computeIfAbsent(expression, Quick::strings);
            if (strings.isPresent() && context.containsVariable(inputVariable)) {
                TypedValue value = context.resolve(inputVariable);
                if (value != null && value.getValue() instanceof String input) {
                    return strings.get().contains(input);
                }
            }
            return feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
        }

        private static Optional<Set<String>> strings(String expression) {
            String text = expression == null ? "" : expression.strip();
            if (!STRING_LIST.matcher(text).matches()) {
                return Optional.empty();
            }
            Set<String> strings = new HashSet<>();
            Matcher literal = STRING.matcher(text);
            while (literal.find()) {
                strings.add(literal.group(1));
            }
            return Optional.of(Set.copyOf(strings));
        }
    }
}
