package io.podmortem.cli;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimizing compiler (C2) for the code that streams a bundle's bytes, and off the rest.
 *
 * <p>An analysis lasts seconds. Most of its code (the parsers of a few MB of JSON and text, the model, the rules,
 * the report) runs a few thousand times: often enough for C2 to compile it, at a cost of seconds of CPU, too
 * seldom for the compiled code to pay that back. On a 2-core laptop that compiling competes with the analysis
 * itself. HotSpot's compiler directives say which methods C2 may take; the rest stay with C1, which compiles fast.
 * The directives are added through the JVM's own diagnostic command ({@code jcmd Compiler.directives_add}), since
 * the command line that starts podmortem is the user's. On a JVM without it nothing changes.
 */
final class JitPolicy {
  private JitPolicy() {}

  /** Adds the directives on a daemon thread, so that the analysis starts at once. */
  static void applyInBackground() {
    if ("off".equals(System.getenv("PODMORTEM_JIT"))) {
      return;
    }
    Thread t = new Thread(JitPolicy::apply, "podmortem-jit-policy");
    t.setDaemon(true);
    t.start();
  }

  /** Adds the directives; true when the JVM took them. */
  static boolean apply() {
    try (InputStream in = JitPolicy.class.getResourceAsStream("jit-directives.json")) {
      if (in == null) {
        return false;
      }
      Path f = Files.createTempFile("podmortem-jit", ".json");
      try {
        Files.write(f, in.readAllBytes());
        Object said = ManagementFactory.getPlatformMBeanServer().invoke(
            new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
            new Object[] {new String[] {f.toString()}}, new String[] {String[].class.getName()});
        return String.valueOf(said).contains("added");
      } finally {
        Files.deleteIfExists(f);
      }
    } catch (Exception | LinkageError e) {
      // Not HotSpot, no jdk.management, or no temp folder: the JVM's own policy it is.
      return false;
    }
  }
}
