package io.lanes.bench.run;

/** Told before each step of a benchmark, for a progress display. */
public interface RunProgress {
    /** A step starts; {@code label} says which. */
    void step(String label);

    RunProgress NONE = label -> {
    };
}
