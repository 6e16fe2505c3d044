package io.localdps.simulator.transport;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The executor Paho runs its clients' tasks on: every task on a new virtual thread (Paho's
 * receiver, sender and callback tasks block for the life of a connection, so a bounded pool would
 * starve new connections), and delayed tasks (pings) handed to one on time by a one-thread timer.
 */
public final class VirtualScheduledExecutor extends AbstractExecutorService implements ScheduledExecutorService {

    private final ThreadFactory threads;
    private final ScheduledThreadPoolExecutor timer;
    private final AtomicBoolean shutdown = new AtomicBoolean();

    public VirtualScheduledExecutor(String name) {
        this.threads = Thread.ofVirtual().name(name, 0).factory();
        this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name(name + "timer").factory());
        this.timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable command) {
        if (shutdown.get()) {
            throw new java.util.concurrent.RejectedExecutionException("the run is over");
        }
        threads.newThread(command).start();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return timer.schedule(() -> execute(command), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        // only Runnables are scheduled by Paho; a Callable runs on the timer thread itself
        return timer.schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return timer.scheduleAtFixedRate(() -> execute(command), initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return timer.scheduleWithFixedDelay(() -> execute(command), initialDelay, delay, unit);
    }

    @Override
    public void shutdown() {
        shutdown.set(true);
        timer.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown.set(true);
        return timer.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return shutdown.get();
    }

    @Override
    public boolean isTerminated() {
        return shutdown.get() && timer.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return timer.awaitTermination(timeout, unit);
    }
}
