package katas.tiny;

/** The lesson's demonstration: two threads take turns holding one lock, each sleeping while it holds it. */
public final class TakingTurns {

    private static final Object LOCK = new Object();

    private TakingTurns() {
    }

    public static void main(String[] args) throws InterruptedException {
        Runnable turns = () -> {
            for (int round = 0; round < 3; round++) {
                synchronized (LOCK) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        };
        Thread a = new Thread(turns, "turn-taker-a");
        Thread b = new Thread(turns, "turn-taker-b");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("both threads took three turns");
    }
}
