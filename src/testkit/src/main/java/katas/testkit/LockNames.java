package katas.testkit;

import java.lang.management.LockInfo;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Names that tests give to locks, so that a hang report says "the lock of account A" rather than
 * {@code ReentrantLock$NonfairSync@1b6d3586}.
 *
 * <p>A monitor ({@code synchronized (account)}) is named through the object itself. A
 * {@link ReentrantLock} is named through its internal synchronizer, which is what the JVM reports
 * as the lock a thread waits for; that needs {@code --add-opens
 * java.base/java.util.concurrent.locks=ALL-UNNAMED}, which the build passes to every test JVM.
 */
public final class LockNames {

    private static final Map<Integer, Named> NAMES = new ConcurrentHashMap<>();

    private record Named(String className, String name) {
    }

    private LockNames() {
    }

    /** Gives {@code lock} (a monitor object or a {@code Lock}) a name for hang reports; returns it. */
    public static <T> T name(T lock, String name) {
        Object reported = reportedObject(lock);
        NAMES.put(System.identityHashCode(reported), new Named(reported.getClass().getName(), name));
        return lock;
    }

    /** How a hang report shows {@code lock}: its name if a test gave one, else its class and identity. */
    static String describe(LockInfo lock) {
        if (lock == null) {
            return "nothing";
        }
        Named named = NAMES.get(lock.getIdentityHashCode());
        if (named != null && named.className().equals(lock.getClassName())) {
            return named.name();
        }
        String className = lock.getClassName();
        String simple = className.substring(className.lastIndexOf('.') + 1);
        if (simple.startsWith("ReentrantLock$")) {
            return "a ReentrantLock (" + simple + "@" + Integer.toHexString(lock.getIdentityHashCode()) + ")";
        }
        if (simple.startsWith("ReentrantReadWriteLock$")) {
            return "a ReentrantReadWriteLock (" + simple + "@" + Integer.toHexString(lock.getIdentityHashCode()) + ")";
        }
        return "the monitor of " + simple + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }

    private static Object reportedObject(Object lock) {
        if (lock instanceof ReentrantLock || lock instanceof ReentrantReadWriteLock) {
            Object sync = syncOf(lock);
            if (sync != null) {
                return sync;
            }
        }
        return lock;
    }

    private static Object syncOf(Object lock) {
        try {
            Field sync = lock.getClass().getDeclaredField("sync");
            sync.setAccessible(true);
            return sync.get(lock);
        } catch (ReflectiveOperationException | RuntimeException notOpened) {
            return null;
        }
    }
}
