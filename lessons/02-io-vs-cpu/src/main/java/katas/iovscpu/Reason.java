package katas.iovscpu;

/** Why an executor fits a workload: the reasons {@link ExecutorChoice} can give, right and wrong. */
enum Reason {

    /** "Only one thread runs at a time, as with Python's GIL, so more threads cannot help." */
    ONLY_ONE_THREAD_RUNS_AT_A_TIME,

    /** "Tasks that mostly wait each need a thread while they wait, and a waiting virtual thread costs almost nothing." */
    WAITING_TASKS_NEED_MANY_CHEAP_THREADS,

    /** "Tasks that compute keep a core busy the whole time, so one thread per core keeps every core busy." */
    ONE_THREAD_PER_CORE_KEEPS_EVERY_CORE_BUSY,

    /** "Virtual threads run code faster than platform threads." */
    VIRTUAL_THREADS_RUN_CODE_FASTER,

    /** "The more threads, the sooner the work is done." */
    MORE_THREADS_ALWAYS_FINISH_SOONER
}
