package io.podmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markup in file names and command lines comes out inert and visible in every format. */
class HostileInputReportTest {
  private static final String EVIL = "<script>alert(1)</script>|`x`${7*7}";

  @Test
  void markupInNamesAndCommands_isEscaped(@TempDir Path dir) throws Exception {
    Path bundle = Files.createDirectory(dir.resolve("bundle"));
    Files.writeString(bundle.resolve("ps " + EVIL.replace("/", "") + ".txt"), String.join("\n",
        "    USER STAT CMD",
        "       0 Sl   /usr/bin/containerd-shim-runc-v2 -namespace moby -id "
            + "fd95c597ff3171ff110b7bf440229e76c5108d5d93be75ffeab54869df734413 -address /run/c.sock",
        "       0 Ss    \\_ /bin/sh -c " + EVIL + " <img src=x onerror=alert(2)>",
        ""));
    Files.writeString(bundle.resolve("docker-ps.txt"), String.join("\n",
        "CONTAINER ID   IMAGE          COMMAND                  CREATED      STATUS      PORTS     NAMES",
        "fd95c597ff31   evil<b>:1      \"/bin/sh -c <script>…\"   3 days ago   Up 3 days             "
            + "k8s_c<i>|x_p`o`d_ns_c2a3008c1d9895f171cd394e38656ea0_0",
        ""));
    var model = ReportModel.build(new Analyzer(Limits.defaults()).analyze(bundle));
    Renderer r = new Renderer();
    String html = r.html(model, Map.of());
    String md = r.markdown(model, Map.of());

    assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>:1")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("${7*7}");
    assertThat(md).doesNotContain("<script>").doesNotContain("<img").contains("&lt;script&gt;alert(1)");
    // Every row of the container table has exactly the table's 8 unescaped pipes.
    md.lines().filter(l -> l.startsWith("| fd95c597ff31")).forEach(l ->
        assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count()).as(l).isEqualTo(8));
    assertThat(md).contains("\\`x\\`");
  }
}
