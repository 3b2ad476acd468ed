package katas.testkit.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tiny classes with one classic concurrency bug each, and a correct twin of each, for proving what
 * the kit catches. Kept small so the bug is visible.
 */
final class Buggy {

    private Buggy() {
    }

    /** Lost update: {@code count++} on a plain field. */
    static final class PlainCounter {
        private int count;

        void increment() {
            count++;
        }

        int get() {
            return count;
        }
    }

    /** Twin of {@link PlainCounter}. */
    static final class SynchronizedCounter {
        private int count;

        synchronized void increment() {
            count++;
        }

        synchronized int get() {
            return count;
        }
    }

    /** Check-then-act on a plain field: two withdrawals can both pass the check. */
    static final class RacyAccount {
        private int balance = 100;

        boolean withdraw(int amount) {
            if (balance >= amount) {
                balance -= amount;
                return true;
            }
            return false;
        }

        int balance() {
            return balance;
        }
    }

    /** Twin of {@link RacyAccount}. */
    static final class SafeAccount {
        private int balance = 100;

        synchronized boolean withdraw(int amount) {
            if (balance >= amount) {
                balance -= amount;
                return true;
            }
            return false;
        }

        synchronized int balance() {
            return balance;
        }
    }

    /** An account with its own lock, for transfers. */
    static final class Account {
        final int id;
        final Lock lock = new ReentrantLock();
        int balance = 100;

        Account(int id) {
            this.id = id;
        }
    }

    /** Takes the source's lock, then the destination's: two opposite transfers can deadlock. */
    static void transferInArgumentOrder(Account from, Account to, int amount) {
        from.lock.lock();
        try {
            to.lock.lock();
            try {
                from.balance -= amount;
                to.balance += amount;
            } finally {
                to.lock.unlock();
            }
        } finally {
            from.lock.unlock();
        }
    }

    /** Twin: always takes the lower id's lock first. */
    static void transferInIdOrder(Account from, Account to, int amount) {
        Account first = from.id < to.id ? from : to;
        Account second = first == from ? to : from;
        first.lock.lock();
        try {
            second.lock.lock();
            try {
                from.balance -= amount;
                to.balance += amount;
            } finally {
                second.lock.unlock();
            }
        } finally {
            first.lock.unlock();
        }
    }

    /** A one-shot event on a lock and a condition. */
    interface Event {
        void set();

        void await() throws InterruptedException;

        boolean isSet();
    }

    /** Waits with {@code if}: a spurious wake-up returns before the event is set. */
    static final class IfEvent implements Event {
        private final Lock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private boolean flag;

        @Override
        public void set() {
            lock.lock();
            try {
                flag = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void await() throws InterruptedException {
            lock.lock();
            try {
                if (!flag) {
                    changed.await();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean isSet() {
            lock.lock();
            try {
                return flag;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Wakes one waiter with {@code signal()}: with two waiters, one sleeps forever. */
    static final class SignalOneEvent implements Event {
        private final Lock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private boolean flag;

        @Override
        public void set() {
            lock.lock();
            try {
                flag = true;
                changed.signal();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void await() throws InterruptedException {
            lock.lock();
            try {
                while (!flag) {
                    changed.await();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean isSet() {
            lock.lock();
            try {
                return flag;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Twin of both: {@code while} and {@code signalAll()}. */
    static final class GoodEvent implements Event {
        private final Lock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private boolean flag;

        @Override
        public void set() {
            lock.lock();
            try {
                flag = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void await() throws InterruptedException {
            lock.lock();
            try {
                while (!flag) {
                    changed.await();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean isSet() {
            lock.lock();
            try {
                return flag;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Unlocks after the work, not in {@code finally}: the exception leaves the lock held. */
    static final class UnlockNotInFinally {
        private final Lock lock = new ReentrantLock();
        private int total;

        void add(int amount) {
            lock.lock();
            if (amount < 0) {
                throw new IllegalArgumentException("negative");
            }
            total += amount;
            lock.unlock();
        }

        int total() {
            lock.lock();
            try {
                return total;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Twin of {@link UnlockNotInFinally}. */
    static final class UnlockInFinally {
        private final Lock lock = new ReentrantLock();
        private int total;

        void add(int amount) {
            lock.lock();
            try {
                if (amount < 0) {
                    throw new IllegalArgumentException("negative");
                }
                total += amount;
            } finally {
                lock.unlock();
            }
        }

        int total() {
            lock.lock();
            try {
                return total;
            } finally {
                lock.unlock();
            }
        }
    }

    /** A one-slot buffer whose consumers wait with {@code if}: with two consumers, one can take from an empty slot. */
    static final class BoundedBuffer {
        private final Lock lock = new ReentrantLock();
        private final Condition notEmpty = lock.newCondition();
        private final Condition notFull = lock.newCondition();
        private final List<Integer> items = new ArrayList<>();
        private final boolean waitWithIf;

        BoundedBuffer(boolean waitWithIf) {
            this.waitWithIf = waitWithIf;
        }

        void put(int item) throws InterruptedException {
            lock.lock();
            try {
                while (!items.isEmpty()) {
                    notFull.await();
                }
                items.add(item);
                notEmpty.signalAll();
            } finally {
                lock.unlock();
            }
        }

        int take() throws InterruptedException {
            lock.lock();
            try {
                if (waitWithIf) {
                    if (items.isEmpty()) {
                        notEmpty.await();
                    }
                } else {
                    while (items.isEmpty()) {
                        notEmpty.await();
                    }
                }
                int item = items.remove(0);
                notFull.signalAll();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** A list whose writers may or may not share a lock around {@code add}. */
    static final class SharedList {
        private final List<String> items = new ArrayList<>();
        private final Object lock = new Object();

        void addUnguarded(katas.testkit.ExclusiveSection section, String item) {
            section.enter("add(" + item + ")", () -> items.add(item));
        }

        void addGuarded(katas.testkit.ExclusiveSection section, String item) {
            synchronized (lock) {
                section.enter("add(" + item + ")", () -> items.add(item));
            }
        }
    }
}
