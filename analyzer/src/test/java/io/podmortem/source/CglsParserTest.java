package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.ParseIssue;
import io.podmortem.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CglsParserTest {
  private static final String UDON = "cgls/udon-systemd-cgls.txt";
  private static final String POD = "/kubepods.slice/kubepods-burstable.slice"
      + "/kubepods-burstable-pod4d7d3d81_a769_4de9_a4fb_04763b7c1605.slice";
  private static final String SCOPE = "docker-d5fa78fa31f11a4c5fb9fd2e853a00f0e60e414a7bce2e0d8fcd1f6ab2b30074.scope";

  private final ParseIssues issues = ParseIssues.bounded(100);

  @Test
  void parse_udon_nginxScopeIsDelegatedAndHoldsEightProcesses() {
    CgroupTree tree = CglsParser.parse(Fixtures.load(UDON), issues);

    CgroupNode scope = group(tree, POD + "/" + SCOPE);
    assertThat(scope.name()).isEqualTo(SCOPE);
    assertThat(scope.delegated()).isTrue();
    assertThat(scope.cgroupId()).isNull();
    assertThat(scope.ref()).isEqualTo(new SourceRef(UDON, 111));
    assertThat(tree.groups().get(scope.parent()).path()).isEqualTo(POD);
    assertThat(processesOf(tree, scope).stream().map(CgroupProcess::pid))
        .containsExactly(699303, 699316, 699405, 1075085, 1075086, 1075087, 1075088, 1075089);
    CgroupProcess dumbInit = processesOf(tree, scope).get(0);
    assertThat(dumbInit.command()).isEqualTo("/usr/bin/dumb-init -- /nginx-ingress-controller --publish-ser");
    assertThat(dumbInit.truncated()).isTrue();
    assertThat(processesOf(tree, scope).get(3).command()).isEqualTo("nginx: worker process");
    assertThat(processesOf(tree, scope).get(3).truncated()).isFalse();
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_udon_shimLineIsTruncatedAndInContainerdService() {
    CgroupTree tree = CglsParser.parse(Fixtures.load(UDON), issues);

    CgroupProcess shim = tree.processes().stream().filter(p -> p.pid() == 21383).findFirst().orElseThrow();
    assertThat(shim.command()).isEqualTo("/usr/bin/containerd-shim-runc-v2 -namespace moby -id fd95c597ff31");
    assertThat(shim.truncated()).isTrue();
    assertThat(shim.ref()).isEqualTo(new SourceRef(UDON, 27));
    CgroupNode service = tree.groups().get(shim.group());
    assertThat(service.path()).isEqualTo("/system.slice/containerd.service");
    assertThat(service.delegated()).isTrue();
  }

  @Test
  void parse_udon_countsEveryLineOfTheTree() {
    CgroupTree tree = CglsParser.parse(Fixtures.load(UDON), issues);

    // 142 lines: the header, "-.slice", 60 groups and 80 processes (counted with grep).
    assertThat(tree.processes()).hasSize(80);
    assertThat(tree.groups()).hasSize(61);
    assertThat(tree.groups().stream().filter(CgroupNode::delegated)).hasSize(25);
    assertThat(tree.processes().stream().filter(CgroupProcess::truncated)).hasSize(34);
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_udon_dashSliceIsTheRootNotAPathComponent() {
    CgroupTree tree = CglsParser.parse(Fixtures.load(UDON), issues);

    CgroupNode root = tree.groups().get(0);
    assertThat(root).isEqualTo(new CgroupNode(new SourceRef(UDON, 2), 0, null, "-.slice", "/", null, false));
    assertThat(tree.groups().get(1).path()).isEqualTo("/user.slice");
    assertThat(group(tree, "/user.slice/user-0.slice/user@0.service").delegated()).isTrue();
    assertThat(group(tree, "/user.slice/user-0.slice/session-29.scope").name()).isEqualTo("session-29.scope");
    CgroupProcess init = tree.processes().stream().filter(p -> p.pid() == 1).findFirst().orElseThrow();
    assertThat(tree.groups().get(init.group()).path()).isEqualTo("/init.scope");
  }

  @Test
  void parse_asciiGlyphs_givesTheSameTreeAsUtf8() {
    TextBlock utf8 = Fixtures.load(UDON);
    List<String> ascii = utf8.lines().stream()
        .map(l -> l.replace("├─", "|-").replace("└─", "`-").replace("│ ", "| "))
        .collect(Collectors.toList());

    assertThat(CglsParser.looksLike(TextBlock.of(UDON, ascii))).isTrue();
    CgroupTree fromAscii = CglsParser.parse(TextBlock.of(UDON, ascii), issues);
    CgroupTree fromUtf8 = CglsParser.parse(utf8, issues);
    assertThat(fromAscii).isEqualTo(fromUtf8);
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_v1KubeProxyChildCgroup_isAGroupUnderTheDockerScope() {
    String entry = "cgls/formats-v1-docker-kube-proxy.txt";
    CgroupTree tree = CglsParser.parse(Fixtures.load(entry), issues);

    String podSlice = "/kubepods.slice/kubepods-besteffort.slice"
        + "/kubepods-besteffort-pod9692aa0e_748e_11e8_8dfa_76d458035df6.slice";
    CgroupNode kubeProxy = group(tree, podSlice
        + "/docker-abddff03dfd7710c79a750ce3e730365cbb2c8247a974170c1062683bc3e9152.scope/kube-proxy");
    assertThat(kubeProxy.ref()).isEqualTo(new SourceRef(entry, 6));
    assertThat(processesOf(tree, kubeProxy)).containsExactly(new CgroupProcess(new SourceRef(entry, 7),
        kubeProxy.index(), 1676, "/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf", false));
    CgroupNode pause = group(tree, podSlice
        + "/docker-f58c1c55e72c336d11c6af795260b57f7597d62e4d16951086f754d2e9ce5114.scope");
    assertThat(processesOf(tree, pause).get(0).command()).isEqualTo("/pause");
    // No header and no "-.slice": PID 1 sits in an implicit root that no line names.
    assertThat(tree.groups().get(0)).isEqualTo(new CgroupNode(new SourceRef(entry, 0), 0, null, "/", "/", null, false));
    assertThat(tree.processes().get(0).group()).isZero();
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_harvesterExcerptStartingMidTree_recordsDepthJumpAndKeepsGoing() {
    String entry = "cgls/formats-v2-harvester-midtree.txt";
    TextBlock t = Fixtures.load(entry);
    CgroupTree tree = CglsParser.parse(t, issues);

    assertThat(issues.list()).containsExactly(new ParseIssue(entry, 2, 5,
        "tree line at depth 3 follows depth 1; attached to '/kubepods.slice': '"
            + t.lines().get(1) + "'"));
    String pod = "/kubepods.slice/kubepods-burstable-pod99ee3a64_645b_4699_9384_5a3875d78b41.slice";
    CgroupNode first = group(tree, pod
        + "/cri-containerd-0c316eb8a4711bff1ce968b46ddb658e49378897454b4caf2a20704c808f33f1.scope");
    assertThat(first.delegated()).isTrue();
    assertThat(processesOf(tree, first)).extracting(CgroupProcess::pid, CgroupProcess::command)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(8505, "/pause"));
    CgroupNode second = group(tree, pod + "/cri-containerd-fd57a5cf....scope");
    assertThat(second.delegated()).isTrue();
    CgroupProcess monitor = processesOf(tree, second).get(0);
    assertThat(monitor.command()).isEqualTo("/usr/bin/virt-launcher-monitor --qemu-timeout 301s --name vm2 -");
    assertThat(monitor.truncated()).isTrue();
  }

  @Test
  void parse_kind_guaranteedPodSitsDirectlyUnderKubepods() {
    CgroupTree tree = CglsParser.parse(Fixtures.load("cgls/formats-kind.txt"), issues);

    String pod = "/kubelet.slice/kubelet-kubepods.slice/kubelet-kubepods-pod2b698bd8_b22c_4173_bf9d_900c652aab26.slice";
    CgroupNode scope = group(tree, pod + "/cri-containerd-b8957594098e...993.scope");
    assertThat(scope.delegated()).isTrue();
    assertThat(processesOf(tree, scope).get(0).command()).isEqualTo("/bin/kindnetd");
    assertThat(group(tree, "/kubelet.slice/kubelet-kubepods.slice/kubelet-kubepods-besteffort.slice").parent())
        .isEqualTo(group(tree, "/kubelet.slice/kubelet-kubepods.slice").index());
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_crio_conmonUnderSystemSliceAndContainerUnderPod() {
    CgroupTree tree = CglsParser.parse(Fixtures.load("cgls/formats-crio.txt"), issues);

    CgroupNode conmon = group(tree,
        "/system.slice/crio-conmon-e0c85fe7644a858988d9687c2e0736a7d31922740d0f3e001c6b2e0aa7e5f528.scope");
    // The "..." is the pasting user's elision, not systemd's: in UTF-8 systemd ellipsizes with "…".
    assertThat(processesOf(tree, conmon).get(0).command())
        .isEqualTo("/usr/bin/conmon -b /run/containers/storage/overlay-containers/e0c...");
    assertThat(processesOf(tree, conmon).get(0).truncated()).isFalse();
    CgroupNode crio = group(tree, "/kubepods.slice/kubepods-besteffort.slice"
        + "/kubepods-besteffort-podc8bad552_5c99_4d4f_b71c_c426c0cde014.slice"
        + "/crio-15b6e0c6490cad17fcf69eb837794349b4df96f84ba96c6be9828fe281c055a9.scope");
    assertThat(crio.delegated()).isFalse();
    assertThat(processesOf(tree, crio).get(0).pid()).isEqualTo(15872);
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_cgroupfsWithCgroupIds_readsIdsAndKeepsNamesClean() {
    CgroupTree tree = CglsParser.parse(Fixtures.load("cgls/formats-cgroupfs-cgroup-id.txt"), issues);

    assertThat(tree.groups()).extracting(CgroupNode::path, CgroupNode::cgroupId).containsExactly(
        org.assertj.core.groups.Tuple.tuple("/", null),
        org.assertj.core.groups.Tuple.tuple("/kubepods", 63L),
        org.assertj.core.groups.Tuple.tuple("/kubepods/pod3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70", 196L),
        org.assertj.core.groups.Tuple.tuple("/kubepods/pod3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70"
            + "/bf0a6c72b878ad191820cc4e74cda226711d5d0e199d29891a419e38de140e94", 215L),
        org.assertj.core.groups.Tuple.tuple("/kubepods/pod3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70"
            + "/608e4d22c9d2c170ae1de977b00c104b548e0abadcf5d321dc2bce5f96692b1b", 234L));
    assertThat(tree.processes()).extracting(CgroupProcess::pid, CgroupProcess::group, CgroupProcess::command)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(11414, 3, "sleep 1000000"),
            org.assertj.core.groups.Tuple.tuple(11462, 4, "httpd -f -p 8080"),
            org.assertj.core.groups.Tuple.tuple(12011, 4, "sleep 555555"));
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_badLines_recordsIssuesWithLineNumbersAndSkipsThem() {
    List<String> lines = new ArrayList<>(Fixtures.load("cgls/formats-cgroupfs-cgroup-id.txt").lines());
    lines.add(2, "│ │ ├─not a cgroup name");
    lines.add(4, "│ │ │ wrapped text");
    lines.add(6, "stray text");
    TextBlock t = TextBlock.of("cgls.txt", lines);

    CgroupTree tree = CglsParser.parse(t, issues);

    assertThat(issues.list()).extracting(ParseIssue::toString).containsExactly(
        "cgls.txt:3:7: expected a cgroup name or '<pid> <command>', got 'not a cgroup name'",
        "cgls.txt:5:1: expected a branch glyph ('├─', '└─', '|-' or '`-') after the tree drawing,"
            + " got '│ │ │ wrapped text'",
        "cgls.txt:7:1: expected the 'Control group /:' header, the root group or a tree line, got 'stray text'");
    assertThat(tree.groups()).hasSize(5);
    assertThat(tree.processes()).hasSize(3);
  }

  @Test
  void parse_20000LevelTree_usesNoRecursion() {
    int levels = 20_000;
    List<String> lines = new ArrayList<>(levels + 1);
    for (int i = 0; i < levels; i++) {
      lines.add("  ".repeat(i) + "└─g");
    }
    lines.add("  ".repeat(levels) + "└─7 /pause");

    CgroupTree tree = CglsParser.parse(TextBlock.of("deep.txt", lines), issues);

    assertThat(tree.groups()).hasSize(levels + 1);
    assertThat(tree.groups().get(levels).path()).hasSize(2 * levels);
    assertThat(tree.processes()).containsExactly(new CgroupProcess(new SourceRef("deep.txt", levels + 1), levels, 7,
        "/pause", false));
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void looksLike_acceptsCglsFixturesOnly() {
    for (TextBlock t : Fixtures.all()) {
      assertThat(CglsParser.looksLike(t)).as(t.entry()).isEqualTo(t.entry().startsWith("cgls/"));
    }
  }


  private static CgroupNode group(CgroupTree tree, String path) {
    return tree.groups().stream().filter(g -> g.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no group " + path));
  }

  private static List<CgroupProcess> processesOf(CgroupTree tree, CgroupNode group) {
    return tree.processes().stream().filter(p -> p.group() == group.index()).collect(Collectors.toList());
  }
}
