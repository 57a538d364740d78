package ru.msed.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean whose public methods diagrams may call in expressions, e.g.
 * {@code ${workingDays.add(now(), 2)}}. Only such beans and the application's delegates are
 * visible to expressions at all ({@link SafeDeployments}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DiagramFunctions {
}
