package io.freecast.catalog.testing;

import io.freecast.catalog.port.out.LinkChecker;
import io.freecast.catalog.port.out.LinkProbe;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A link checker that answers what a test tells it, URL by URL, and {@link #otherwise} for the rest (a
 * reachable 200 unless told otherwise). Like the HTTP checker it answers once for every distinct URL of a call,
 * and it remembers every URL it probed.
 */
public final class InMemoryLinkChecker implements LinkChecker {

    private final Map<URI, LinkProbe> answers = new ConcurrentHashMap<>();
    private final List<URI> probed = new CopyOnWriteArrayList<>();
    private volatile LinkProbe otherwise = new LinkProbe.Reachable(200);

    /** Probing {@code url} finds {@code probe}. */
    public InMemoryLinkChecker answer(String url, LinkProbe probe) {
        answers.put(URI.create(url), probe);
        return this;
    }

    /** What probing any other URL finds. */
    public InMemoryLinkChecker otherwise(LinkProbe probe) {
        this.otherwise = probe;
        return this;
    }

    /** Every URL probed, in order, once per call that asked for it. */
    public List<URI> probed() {
        return List.copyOf(probed);
    }

    @Override
    public Map<URI, LinkProbe> probeAll(Collection<URI> urls) {
        Map<URI, LinkProbe> probes = new LinkedHashMap<>();
        for (URI url : urls) {
            if (!probes.containsKey(url)) {
                probed.add(url);
                probes.put(url, answers.getOrDefault(url, otherwise));
            }
        }
        return probes;
    }
}
