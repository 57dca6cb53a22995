package dev.hypercare.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gauges whose series are exactly those of the latest snapshot: {@link #apply} sets every series the
 * snapshot has, registering new ones, and removes every series it lacks, so nothing gone keeps reporting
 * its old value. Not thread-safe: the caller serialises {@code apply} (and scrapes, for a consistent view).
 */
final class SnapshotGauges {
    private final MeterRegistry registry;
    private final Map<SeriesKey, Registered> gauges = new HashMap<>();

    SnapshotGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One series: a metric name and its labels. */
    record SeriesKey(String name, Tags tags) {}

    /** The series of one snapshot. A NaN value means "no value": that series is left out. */
    static final class Values {
        private final Map<SeriesKey, Double> values = new LinkedHashMap<>();

        Values put(String name, Tags tags, double value) {
            if (!Double.isNaN(value)) {
                values.put(new SeriesKey(name, tags), value);
            }
            return this;
        }
    }

    private static final class Holder {
        volatile double value;

        double value() {
            return value;
        }
    }

    private record Registered(Gauge gauge, Holder holder) {}

    void apply(Values snapshot) {
        snapshot.values.forEach((key, value) -> {
            Registered registered = gauges.get(key);
            if (registered == null) {
                Holder holder = new Holder();
                holder.value = value; // before registering: a scrape never sees a default 0
                Gauge gauge = Gauge.builder(key.name(), holder, Holder::value)
                        .tags(key.tags())
                        .description(MetricNames.help(key.name()))
                        .strongReference(true)
                        .register(registry);
                gauges.put(key, new Registered(gauge, holder));
            } else {
                registered.holder().value = value;
            }
        });
        var it = gauges.entrySet().iterator();
        while (it.hasNext()) {
            var entry = it.next();
            if (!snapshot.values.containsKey(entry.getKey())) {
                registry.remove(entry.getValue().gauge());
                it.remove();
            }
        }
    }
}
