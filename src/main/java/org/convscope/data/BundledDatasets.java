package org.convscope.data;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled datasets, loaded once per split and shared by every view and trainer (each split is ~8-47 MB).
 * Thread-safe; {@link #get} blocks while loading, so call it on a background thread. Two callers asking for the
 * same split at once get the same instance; the second one waits for the first load instead of starting another.
 */
public final class BundledDatasets {
    private BundledDatasets() {}

    private record Key(DatasetKind kind, Split split) {}

    private static final Map<Key, Dataset> LOADED = new ConcurrentHashMap<>();
    private static final Map<Key, Object> LOCKS = new ConcurrentHashMap<>();

    /** The bundled split, loading it on first use (progress is reported only by the call that loads). */
    public static Dataset get(DatasetKind kind, Split split, LoadProgress progress) throws DatasetException {
        Key key = new Key(kind, split);
        Dataset d = LOADED.get(key);
        if (d != null) return d;
        synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
            d = LOADED.get(key);
            if (d == null) {
                d = DatasetLoader.loadBundled(kind, split, progress);
                LOADED.put(key, d);
            }
            return d;
        }
    }

    /** The split if it is loaded already; never blocks (fine on the FX thread). */
    public static Optional<Dataset> ifLoaded(DatasetKind kind, Split split) {
        return Optional.ofNullable(LOADED.get(new Key(kind, split)));
    }
}
