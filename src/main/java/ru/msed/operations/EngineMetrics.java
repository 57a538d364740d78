package ru.msed.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's own meters (jobs acquired, executed, failed, rejected; activity instances started;
 * decisions evaluated …) as Micrometer counters of this node, {@code msed_engine_events_total{event="job-failed"}}.
 * The engine counts into its registry anyway (and flushes it to ACT_RU_METER_LOG); this registry
 * counts the same occurrences into Micrometer too, at no extra query.
 */
@Component
class EngineMetrics extends AbstractProcessEnginePlugin {

    private final ObjectProvider<MeterRegistry> meters;

    EngineMetrics(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setMetricsRegistry(new CountingRegistry(meters));
    }

    static final class CountingRegistry extends MetricsRegistry {

        private final ObjectProvider<MeterRegistry> meters;
        private final Map<String, Counter> counters = new ConcurrentHashMap<>();

        CountingRegistry(ObjectProvider<MeterRegistry> meters) {
            this.meters = meters;
        }

        @Override
        protected void markOccurrence(Map<String, Meter> meterMap, String name, long times) {
            super.markOccurrence(meterMap, name, times);
            if (meterMap != dbMeters) {
                return;
            }
            Counter counter = counters.get(name);
            if (counter == null) {
                // Looked up once per event name: this runs on every activity and task of every instance.
                MeterRegistry registry = meters.getIfAvailable();
                if (registry == null) {
                    return;
                }
                counter = counters.computeIfAbsent(name, event -> Counter.builder("msed.engine.events")
                        .description("Engine events on this node (Camunda's meters)").tag("event", event)
                        .register(registry));
            }
            counter.increment(times);
        }
    }
}
