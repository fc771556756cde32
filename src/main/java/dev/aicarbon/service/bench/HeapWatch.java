package dev.aicarbon.service.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap during one phase of the bench and reports two peaks: the heap in use, read
 * every few milliseconds (garbage not yet collected included, so it tends towards the maximum
 * heap whatever the phase keeps), and the heap left after each garbage collection, which is
 * what the phase actually holds, plus old garbage that only a later collection would find.
 *
 * <p>Summing each memory pool's own peak, as the bench did before, overstates both: the pools
 * peak at different moments, and the sum exceeded {@code -Xmx}.
 */
final class HeapWatch implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 5;

    private final AtomicLong peakInUse = new AtomicLong();
    private final AtomicLong peakAfterCollection = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener afterCollection = this::collected;
    private final Thread sampler;
    private volatile boolean watching = true;

    private HeapWatch() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(afterCollection, null, null);
                emitters.add(emitter);
            }
        }
        sampler = new Thread(this::sample, "bench-heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    static HeapWatch start() {
        return new HeapWatch();
    }

    long peakInUseBytes() {
        return peakInUse.get();
    }

    /** Zero when no collection happened during the phase. */
    long peakAfterCollectionBytes() {
        return peakAfterCollection.get();
    }

    private void sample() {
        while (watching) {
            peakInUse.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long heapBytes = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> isHeap(pool.getKey()))
                .map(java.util.Map.Entry::getValue)
                .mapToLong(MemoryUsage::getUsed)
                .sum();
        peakAfterCollection.accumulateAndGet(heapBytes, Math::max);
    }

    private static boolean isHeap(String poolName) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(pool -> pool.getName().equals(poolName)
                        && pool.getType() == MemoryType.HEAP);
    }

    @Override
    public void close() {
        if (!watching) {
            return;
        }
        watching = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        peakInUse.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(afterCollection);
            } catch (ListenerNotFoundException e) {
                // Nothing to remove: the listener was never added to this collector.
            }
        }
    }
}
