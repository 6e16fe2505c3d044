package io.localdps.mqtt;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Stands in for the request executor: tasks wait until the test runs them, on the test thread,
 * which is also the EmbeddedChannel's event loop. So tests decide exactly when "the database"
 * answers. With a capacity it rejects like a full bounded pool.
 */
final class ManualExecutor implements Executor {

    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final int capacity;

    ManualExecutor() {
        this(Integer.MAX_VALUE);
    }

    ManualExecutor(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public void execute(Runnable task) {
        if (tasks.size() >= capacity) {
            throw new RejectedExecutionException("full");
        }
        tasks.add(task);
    }

    int waiting() {
        return tasks.size();
    }

    /** Runs what waits now, and what those tasks submit. */
    void runAll() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }
}
