package cn.sedx.gateway.metrics;

import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One read of a gateway's {@code /actuator/prometheus}, as the auditor (a monitoring account would be one). */
public final class Scrape {

    private final Map<String, Double> samples = new LinkedHashMap<>();

    private Scrape(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
    }

    /** Scrapes the gateway on {@code port}; fails unless it answers 200. */
    public static Scrape of(int port) {
        HttpResponse<String> response = new Http(port).basic(SampleCredentials.AUDITOR,
                SampleCredentials.AUDITOR_PASSWORD).get("/actuator/prometheus");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("scrape answered " + response.statusCode() + ": " + response.body());
        }
        return new Scrape(response.body());
    }

    /** The value of the one sample of {@code metric} whose labels include every {@code label="value"} given. */
    public Optional<Double> value(String metric, String... labels) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().equals(metric) || e.getKey().startsWith(metric + "{"))
                .filter(e -> Set.of(labels).stream().allMatch(label -> e.getKey().contains(label)))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The sum over every sample of {@code metric} whose labels include every label given; 0 when none. */
    public double sum(String metric, String... labels) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().equals(metric) || e.getKey().startsWith(metric + "{"))
                .filter(e -> Set.of(labels).stream().allMatch(label -> e.getKey().contains(label)))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /** Every metric name in the scrape (sample names, with their _bucket/_count/_sum/_total suffixes). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.keySet().forEach(key -> names.add(key.contains("{") ? key.substring(0, key.indexOf('{')) : key));
        return names;
    }
}
