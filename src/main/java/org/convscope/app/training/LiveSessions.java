package org.convscope.app.training;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.convscope.engine.TrainingSession;
import org.convscope.engine.TrainingSnapshot;

/**
 * The training sessions whose threads are still alive, so that the FX thread never waits for one to end (a batch,
 * an epoch's full test or the last autosave can take seconds on a busy laptop): {@link #stop} asks a session to
 * stop and returns at once, and its end comes back as a callback on the FX thread. While a tracked session is alive,
 * {@link #idleProperty()} is false (the Start button waits for it: a new run must not race the old one's engine
 * threads and last autosave), and {@link #stoppingProperty()} is true once one of them was asked to stop.
 * FX thread, except the futures, which complete on the training thread.
 */
final class LiveSessions {
    private final Executor fx;
    private final Set<TrainingSession> live = new HashSet<>();
    private final ReadOnlyBooleanWrapper idle = new ReadOnlyBooleanWrapper(this, "idle", true);
    private final ReadOnlyBooleanWrapper stopping = new ReadOnlyBooleanWrapper(this, "stopping");

    /** @param fx runs the end callbacks on the FX thread (Platform::runLater) */
    LiveSessions(Executor fx) { this.fx = fx; }

    /** Follows a session that is about to start until its thread has ended. */
    void track(TrainingSession s) {
        if (!live.add(s)) return;
        idle.set(false);
        s.whenEnded().whenComplete((last, error) -> fx.execute(() -> {
            live.remove(s);
            if (live.isEmpty()) {
                idle.set(true);
                stopping.set(false);
            }
        }));
    }

    /** Asks s to stop without waiting; the future completes (on the training thread) when it has ended. */
    CompletableFuture<TrainingSnapshot> stop(TrainingSession s) {
        if (live.contains(s)) stopping.set(true);
        return s.stopAsync();
    }

    /** No tracked session's thread is alive. */
    ReadOnlyBooleanProperty idleProperty() { return idle.getReadOnlyProperty(); }

    /** A session was asked to stop and its thread has not ended yet ("stopping…"). */
    ReadOnlyBooleanProperty stoppingProperty() { return stopping.getReadOnlyProperty(); }
}
