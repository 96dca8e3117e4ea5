package io.podmortem.cli;

import java.lang.management.ManagementFactory;

/**
 * With {@code PODMORTEM_TIMINGS=1} in the environment, prints how long each phase took, from the JVM's start, to
 * stderr: what the benchmark uses to say where the time goes.
 */
final class Timings {
  private static final boolean ON = "1".equals(System.getenv("PODMORTEM_TIMINGS"));
  private long last = System.nanoTime();
  private long lastCpu = ON ? cpu() : 0;

  Timings() {
    this(true);
  }

  /** @param fromStart whether to print first how long the JVM took to reach this point */
  Timings(boolean fromStart) {
    if (ON && fromStart) {
      System.err.printf("podmortem timing: JVM start to main %d ms%n",
          System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }
  }

  private static long cpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  void lap(String phase) {
    long now = System.nanoTime();
    if (ON) {
      long cpu = cpu();
      System.err.printf("podmortem timing: %s %d ms (this thread's CPU %d ms)%n", phase, (now - last) / 1_000_000,
          (cpu - lastCpu) / 1_000_000);
      lastCpu = cpu;
    }
    last = now;
  }
}
