package dev.jasyncio;

/**
 * A failure stored in a future that nobody has looked at yet: the future's outcome while it is unretrieved, with
 * the {@link FailureReport} that reports it if nobody ever does. Looking at it ({@code result()},
 * {@code exception()}, an await) withdraws the report, and the future keeps the bare exception.
 *
 * <p>Made only when a future fails, so the success path costs nothing.
 */
final class UnretrievedFailure {

    private final Throwable failure;
    private final FailureReport report;

    private UnretrievedFailure(Throwable failure, FailureReport report) {
        this.failure = failure;
        this.report = report;
    }

    /** Watches the failure of {@code future}, whose outcome already holds it (its description names it). */
    static UnretrievedFailure watch(Future<?> future, Throwable failure) {
        return new UnretrievedFailure(failure, FailureReport.watch(future, failure));
    }

    /** The failure it watches. */
    Throwable failure() {
        return failure;
    }

    /** Someone looked at the failure: nothing to report. */
    void retrieved() {
        report.retrieved();
    }
}
