package cn.sedx.gateway.intake.batch;

/** Told after each record of a batch file; an HTTP upload keeps its batch's counters with it. */
@FunctionalInterface
interface BatchProgress {

    /** Reports nothing. */
    BatchProgress NONE = (records, accepted, refused, checkOnly) -> { };

    /**
     * @param records   records read so far in this pass
     * @param accepted  of those, accepted (or found stored by an earlier run)
     * @param refused   of those, refused
     * @param checkOnly whether this is the checking pass of an all-or-nothing system (nothing is stored)
     */
    void update(long records, long accepted, long refused, boolean checkOnly);
}
