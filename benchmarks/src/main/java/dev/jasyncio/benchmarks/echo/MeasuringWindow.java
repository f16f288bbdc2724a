package dev.jasyncio.benchmarks.echo;

/** Told when a load's measured window opens and closes: the server's CPU time is read at both ends. */
interface MeasuringWindow {

    /** The warm-up is over: counting starts now. */
    void opened();

    /** Counting ends now (before the connections are closed). */
    void closed();

    MeasuringWindow NONE = new MeasuringWindow() {
        @Override
        public void opened() {
        }

        @Override
        public void closed() {
        }
    };
}
