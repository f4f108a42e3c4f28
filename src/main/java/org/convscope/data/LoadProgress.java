package org.convscope.data;

/**
 * Progress of a load, called on the loading thread (not the FX thread: the UI publishes it with
 * Platform.runLater or pulls the latest value). Bytes count what is read from disk, i.e. compressed bytes for .gz
 * files, so that the total is known before unpacking. Calls come at most every {@value #STEP_BYTES} bytes plus
 * once at the end of each file.
 */
@FunctionalInterface
public interface LoadProgress {
    /** Reporting granularity: at most one call per this many bytes read. */
    int STEP_BYTES = 1 << 20;

    /** A load that nobody watches. */
    LoadProgress NONE = (bytesRead, totalBytes) -> {};

    /**
     * @param bytesRead  bytes read so far, over all files of this load
     * @param totalBytes bytes to read in all, or -1 if a source does not know its length
     */
    void update(long bytesRead, long totalBytes);
}
