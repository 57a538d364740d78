package ru.msed.engine;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a diagram may do: read variables, compare and combine them, call the
 * engine's date and user functions ({@code now()}, {@code dateTime()}, {@code currentUser()},
 * {@code currentUserGroups()}), call public methods of the {@link DiagramFunctions} beans, read a
 * few plain properties of {@code execution} and {@code task}. Anything else — a method of any other
 * object ({@code execution.getProcessEngineServices()}, {@code x.getClass()}), a property chain into
 * the engine, brackets, prefixed functions — is refused, so a deployed diagram cannot do more than
 * the application's own beans allow.
 */
final class ExpressionRules {

    private static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
    private static final Map<String, Set<String>> READABLE_PROPERTIES = Map.of(
            "execution", Set.of("id", "processInstanceId", "processBusinessKey", "businessKey", "tenantId",
                    "currentActivityId", "currentActivityName", "activityInstanceId", "processDefinitionId"),
            "task", Set.of("id", "name", "assignee", "owner", "taskDefinitionKey", "tenantId", "processInstanceId",
                    "dueDate", "followUpDate", "priority"));
    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private final DiagramBeans beans;

    ExpressionRules(DiagramBeans beans) {
        this.beans = beans;
    }

    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** Null when the expression is allowed, else the Russian reason. */
    String check(String text) {
        Node root;
        try {
            root = PARSER.build(text).getRoot();
        } catch (TreeBuilderException e) {
            return "выражение «" + text + "» не разбирается: " + e.getMessage();
        }
        return check(root, text);
    }

    /** A delegate expression must name one of the application's delegates and nothing more. */
    String checkDelegate(String text) {
        String name = text.strip();
        if (name.startsWith("${") && name.endsWith("}")) {
            name = name.substring(2, name.length() - 1).strip();
        }
        return beans.isDelegate(name) ? null : "«" + text + "» не является делегатом приложения (допустимы: "
                + String.join(", ", beans.names()) + ")";
    }

    private String check(Node node, String text) {
        if (node instanceof AstMethod method) {
            String target = methodTarget(method);
            if (target == null) {
                return "в «" + text + "» вызывается метод не у компонента приложения (в выражениях доступны методы: "
                        + String.join(", ", beans.functionBeanNames()) + ")";
            }
            return checkChildren(method.getChild(1), text);
        }
        if (node instanceof AstDot dot) {
            Node prefix = dot.getChild(0);
            String property = propertyName(dot);
            if (prefix instanceof AstIdentifier identifier
                    && READABLE_PROPERTIES.getOrDefault(identifier.getName(), Set.of()).contains(property)) {
                return null;
            }
            return "в «" + text + "» обращение к свойству «" + property + "» недопустимо";
        }
        if (node instanceof AstBracket) {
            return "в «" + text + "» обращение через [] недопустимо";
        }
        if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
            return "в «" + text + "» функция «" + function.getName() + "» недопустима";
        }
        return checkChildren(node, text);
    }

    private String checkChildren(Node node, String text) {
        for (int i = 0; i < node.getCardinality(); i++) {
            String problem = check(node.getChild(i), text);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** {@code bean.method(...)} on a function bean with that method, else null. */
    private String methodTarget(AstMethod method) {
        if (method.getChild(0) instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier bean
                && beans.isFunction(bean.getName(), propertyName(dot))) {
            return bean.getName();
        }
        return null;
    }

    /** AstDot prints itself as ". property". */
    private static String propertyName(AstDot dot) {
        String printed = dot.toString();
        return printed.startsWith(". ") ? printed.substring(2) : printed;
    }
}
