package io.podmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The compiler directives reach this JVM's JIT (a HotSpot JVM, as every JDK 17 build we support is). */
class JitPolicyTest {
  @AfterEach
  void clear() throws Exception {
    dcmd("compilerDirectivesClear");
  }

  @Test
  void apply_addsTheDirectives_c2KeptForTheStreamingPackagesOnly() throws Exception {
    assertThat(JitPolicy.apply()).isTrue();
    String printed = dcmd("compilerDirectivesPrint");
    // The first directive keeps the default (C2 on) for the streaming code; the second turns C2 off for the rest.
    assertThat(printed).contains("io/podmortem/bundle/*.*", "io/podmortem/source/listing/*.*",
        "com/fasterxml/*.*", "io/podmortem/*.*");
    int streaming = printed.indexOf("io/podmortem/source/listing/*.*");
    int rest = printed.indexOf("com/fasterxml/*.*");
    assertThat(streaming).isLessThan(rest);
    assertThat(printed.substring(rest)).contains("Exclude:true");
    assertThat(printed.substring(streaming, rest)).doesNotContain("Exclude:true");
  }

  private static String dcmd(String op) throws Exception {
    return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), op, new Object[] {new String[0]},
        new String[] {String[].class.getName()}));
  }
}
