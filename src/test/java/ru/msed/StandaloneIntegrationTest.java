package ru.msed;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * An integration test without the shared application context: it starts its own servers or the
 * packaged jar as processes. Failsafe runs these classes in a second thread, beside the classes of
 * {@link MsedIntegrationTest} (which keep running one after another), so the build uses both cores.
 * The lock keeps them to one at a time, each with its methods in order in its own thread: two
 * classes of crashes and clusters at once would starve each other's timing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(StandaloneIntegrationTest.LOCK)
public @interface StandaloneIntegrationTest {

    String LOCK = "msed-standalone-processes";
}
