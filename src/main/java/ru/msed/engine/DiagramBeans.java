package ru.msed.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;

/**
 * The beans diagrams may name: the application's own delegates and listeners (by
 * {@code delegateExpression}) and the beans marked {@link DiagramFunctions} (their public methods, in
 * any expression). Nothing else of the application context — the engine's services, the data
 * source — is reachable from an expression. Read from the bean definitions without creating the
 * beans (the engine is built before them).
 */
final class DiagramBeans {

    private static final String APPLICATION_PACKAGE = "ru.msed.";
    private final ApplicationContext context;
    private volatile Map<String, Class<?>> delegates;
    private volatile Map<String, Class<?>> functions;

    DiagramBeans(ApplicationContext context) {
        this.context = context;
    }

    boolean isDelegate(String name) {
        return delegates().containsKey(name);
    }

    boolean isFunctionBean(String name) {
        return functions().containsKey(name);
    }

    /** Whether {@code bean.method(...)} names a public method the function bean's own class declares. */
    boolean isFunction(String bean, String method) {
        Class<?> type = functions().get(bean);
        return type != null && Arrays.stream(type.getMethods())
                .filter(m -> m.getDeclaringClass() != Object.class && Modifier.isPublic(m.getModifiers()))
                .map(Method::getName).anyMatch(method::equals);
    }

    Set<String> functionBeanNames() {
        return new TreeSet<>(functions().keySet());
    }

    Set<String> names() {
        Set<String> names = new TreeSet<>(delegates().keySet());
        names.addAll(functions().keySet());
        return names;
    }

    /** What the expression manager resolves bean names from: the allow-listed beans only, created on first use. */
    Map<Object, Object> asExpressionBeans() {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return key instanceof String name && (isDelegate(name) || isFunctionBean(name));
            }

            @Override
            public Object get(Object key) {
                return containsKey(key) ? context.getBean((String) key) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                throw new UnsupportedOperationException("Diagram beans are looked up by name only");
            }
        };
    }

    private Map<String, Class<?>> delegates() {
        if (delegates == null) {
            Map<String, Class<?>> found = new HashMap<>();
            for (Class<?> type : new Class<?>[] {JavaDelegate.class, ExecutionListener.class, TaskListener.class}) {
                for (String name : context.getBeanNamesForType(type, true, false)) {
                    Class<?> beanType = context.getType(name, false);
                    if (beanType != null && beanType.getName().startsWith(APPLICATION_PACKAGE)) {
                        found.put(name, beanType);
                    }
                }
            }
            delegates = found;
        }
        return delegates;
    }

    private Map<String, Class<?>> functions() {
        if (functions == null) {
            Map<String, Class<?>> found = new HashMap<>();
            for (String name : context.getBeanNamesForAnnotation(DiagramFunctions.class)) {
                found.put(name, context.getType(name, false));
            }
            functions = found;
        }
        return functions;
    }
}
