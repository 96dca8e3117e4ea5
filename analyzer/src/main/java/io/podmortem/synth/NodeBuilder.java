package io.podmortem.synth;

import io.podmortem.synth.Model.Ctr;
import io.podmortem.synth.Model.Image;
import io.podmortem.synth.Model.Layer;
import io.podmortem.synth.Model.Node;
import io.podmortem.synth.Model.Pod;
import io.podmortem.synth.Model.Proc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds the node from a seed and a scale. Scale 1 is the issue's size: 110 pods, 250 containers over 40 images
 * (the pause image included), about 3,000 processes and 5 million layer-listing entries.
 */
final class NodeBuilder {
  static final String SNAP = "/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots";
  static final String TASK = "/run/containerd/io.containerd.runtime.v2.task/k8s.io";

  static final String DEBIAN = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
      + "VERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n"
      + "HOME_URL=\"https://www.debian.org/\"\nSUPPORT_URL=\"https://www.debian.org/support\"\n"
      + "BUG_REPORT_URL=\"https://bugs.debian.org/\"\n";
  static final String UBUNTU = "PRETTY_NAME=\"Ubuntu 22.04.5 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\n"
      + "VERSION=\"22.04.5 LTS (Jammy Jellyfish)\"\nVERSION_CODENAME=jammy\nID=ubuntu\nID_LIKE=debian\n"
      + "HOME_URL=\"https://www.ubuntu.com/\"\nUBUNTU_CODENAME=jammy\n";
  static final String ALPINE = "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.19.4\n"
      + "PRETTY_NAME=\"Alpine Linux v3.19\"\nHOME_URL=\"https://alpinelinux.org/\"\n"
      + "BUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/aports/-/issues\"\n";
  static final String DISTROLESS = "PRETTY_NAME=\"Distroless\"\nNAME=\"Debian GNU/Linux\"\nID=\"debian\"\n"
      + "VERSION_ID=\"12\"\nVERSION=\"Debian GNU/Linux 12 (bookworm)\"\n"
      + "HOME_URL=\"https://github.com/GoogleContainerTools/distroless\"\n";
  static final String UBI = "NAME=\"Red Hat Enterprise Linux\"\nVERSION=\"9.4 (Plow)\"\nID=\"rhel\"\n"
      + "ID_LIKE=\"fedora\"\nVERSION_ID=\"9.4\"\nPRETTY_NAME=\"Red Hat Enterprise Linux 9.4 (Plow)\"\n"
      + "CPE_NAME=\"cpe:/o:redhat:enterprise_linux:9::baseos\"\n";

  /** base name, os-release, where it sits, relative listing weight. */
  private static final String[][] BASES = {
      {"debian12", DEBIAN, "usr/lib/os-release"}, {"ubuntu22", UBUNTU, "usr/lib/os-release"},
      {"alpine319", ALPINE, "usr/lib/os-release"}, {"distroless", DISTROLESS, "etc/os-release"},
      {"ubi9", UBI, "usr/lib/os-release"}, {"busybox", null, null}};

  /** app, repository, tag, base, runtime layer (or -), command, worker process (or -), uid. */
  private static final String[][] APPS = {
      {"nginx", "docker.io/library/nginx", "1.27.2", "debian12", "-", "nginx: master process nginx -g daemon off;", "nginx: worker process", "0"},
      {"redis", "docker.io/library/redis", "7.4.1", "debian12", "-", "redis-server *:6379", "-", "999"},
      {"postgres", "docker.io/library/postgres", "16.4", "debian12", "-", "postgres -c config_file=/etc/postgresql/postgresql.conf", "postgres: background writer", "999"},
      {"mysql", "docker.io/library/mysql", "8.4.3", "ubi9", "-", "mysqld", "-", "999"},
      {"rabbitmq", "docker.io/library/rabbitmq", "3.13.7", "ubuntu22", "-", "/opt/erlang/lib/erlang/erts-14.2/bin/beam.smp -W w -- -root /opt/erlang/lib/erlang", "erl_child_setup 1048576", "999"},
      {"memcached", "docker.io/library/memcached", "1.6.31", "debian12", "-", "memcached -m 512", "-", "11211"},
      {"haproxy", "docker.io/library/haproxy", "3.0.5", "debian12", "-", "haproxy -W -db -f /usr/local/etc/haproxy/haproxy.cfg", "haproxy -W -db -f /usr/local/etc/haproxy/haproxy.cfg", "99"},
      {"envoy", "docker.io/envoyproxy/envoy", "v1.31.2", "ubuntu22", "-", "envoy -c /etc/envoy/envoy.yaml", "-", "101"},
      {"coredns", "registry.k8s.io/coredns/coredns", "v1.11.3", "distroless", "-", "/coredns -conf /etc/coredns/Corefile", "-", "65532"},
      {"kube-proxy", "registry.k8s.io/kube-proxy", "v1.31.2", "debian12", "-", "/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf", "-", "0"},
      {"flannel", "docker.io/flannel/flannel", "v0.24.2", "alpine319", "-", "/opt/bin/flanneld --ip-masq --kube-subnet-mgr", "-", "0"},
      {"prometheus", "quay.io/prometheus/prometheus", "v2.54.1", "busybox", "-", "/bin/prometheus --config.file=/etc/prometheus/prometheus.yml", "-", "65534"},
      {"node-exporter", "quay.io/prometheus/node-exporter", "v1.8.2", "busybox", "-", "/bin/node_exporter --path.rootfs=/host", "-", "65534"},
      {"alertmanager", "quay.io/prometheus/alertmanager", "v0.27.0", "busybox", "-", "/bin/alertmanager --config.file=/etc/alertmanager/alertmanager.yml", "-", "65534"},
      {"grafana", "docker.io/grafana/grafana", "11.2.2", "alpine319", "-", "grafana server --homepath=/usr/share/grafana", "-", "472"},
      {"loki", "docker.io/grafana/loki", "3.2.0", "alpine319", "-", "/usr/bin/loki -config.file=/etc/loki/local-config.yaml", "-", "10001"},
      {"promtail", "docker.io/grafana/promtail", "3.2.0", "debian12", "-", "/usr/bin/promtail -config.file=/etc/promtail/config.yml", "-", "0"},
      {"fluent-bit", "cr.fluentbit.io/fluent/fluent-bit", "3.1.9", "distroless", "-", "/fluent-bit/bin/fluent-bit -c /fluent-bit/etc/fluent-bit.conf", "-", "0"},
      {"elasticsearch", "docker.elastic.co/elasticsearch/elasticsearch", "8.15.3", "ubuntu22", "jdk17", "/usr/share/elasticsearch/jdk/bin/java -Xms1g -Xmx1g org.elasticsearch.bootstrap.Elasticsearch", "/usr/share/elasticsearch/modules/x-pack-ml/platform/linux-x86_64/bin/controller", "1000"},
      {"kibana", "docker.elastic.co/kibana/kibana", "8.15.3", "ubuntu22", "node20", "/usr/share/kibana/bin/../node/bin/node /usr/share/kibana/bin/../src/cli/dist", "-", "1000"},
      {"jaeger", "docker.io/jaegertracing/all-in-one", "1.62.0", "alpine319", "-", "/go/bin/all-in-one-linux", "-", "10001"},
      {"otel-collector", "docker.io/otel/opentelemetry-collector-contrib", "0.111.0", "distroless", "-", "/otelcol-contrib --config=/conf/relay.yaml", "-", "10001"},
      {"cert-manager", "quay.io/jetstack/cert-manager-controller", "v1.16.1", "distroless", "-", "/app/cmd/controller/controller --v=2 --cluster-resource-namespace=$(POD_NAMESPACE)", "-", "1000"},
      {"ingress-nginx", "registry.k8s.io/ingress-nginx/controller", "v1.11.3", "alpine319", "-", "/nginx-ingress-controller --publish-service=ingress-nginx/ingress-nginx-controller", "nginx: worker process", "101"},
      {"metrics-server", "registry.k8s.io/metrics-server/metrics-server", "v0.7.2", "distroless", "-", "/metrics-server --cert-dir=/tmp --secure-port=10250", "-", "1000"},
      {"vault", "docker.io/hashicorp/vault", "1.18.0", "alpine319", "-", "vault server -config=/vault/config", "-", "100"},
      {"consul", "docker.io/hashicorp/consul", "1.20.0", "alpine319", "-", "consul agent -data-dir=/consul/data -config-dir=/consul/config", "-", "100"},
      {"minio", "quay.io/minio/minio", "RELEASE.2024-10-13T13-34-11Z", "ubi9", "-", "minio server /data --console-address :9001", "-", "1000"},
      {"zookeeper", "docker.io/library/zookeeper", "3.9.2", "ubuntu22", "jdk17", "/opt/java/openjdk/bin/java -Dzookeeper.log.dir=/logs org.apache.zookeeper.server.quorum.QuorumPeerMain /conf/zoo.cfg", "-", "1000"},
      {"kafka", "docker.io/apache/kafka", "3.8.0", "ubuntu22", "jdk17", "/opt/java/openjdk/bin/java -Xmx1G -Xms1G -server kafka.Kafka /opt/kafka/config/server.properties", "-", "1000"},
      {"keycloak", "quay.io/keycloak/keycloak", "26.0.1", "ubuntu22", "jdk17", "/opt/java/openjdk/bin/java -Dkc.home.dir=/opt/keycloak -jar /opt/keycloak/lib/quarkus-run.jar start", "-", "1000"},
      {"argocd", "quay.io/argoproj/argocd", "v2.12.6", "ubuntu22", "-", "/usr/local/bin/argocd-application-controller --status-processors 20", "-", "999"},
      {"tomcat", "docker.io/library/tomcat", "10.1.31-jdk17", "ubuntu22", "jdk17", "/opt/java/openjdk/bin/java -Dcatalina.base=/usr/local/tomcat org.apache.catalina.startup.Bootstrap start", "-", "0"},
      {"python-api", "registry.example.com/shop/python-api", "2.14.0", "debian12", "python312", "/usr/local/bin/python3 -m gunicorn app.main:app --workers 4 --bind 0.0.0.0:8000", "/usr/local/bin/python3 -m gunicorn app.main:app --workers 4 --bind 0.0.0.0:8000", "1000"},
      {"node-web", "registry.example.com/shop/node-web", "5.3.1", "debian12", "node20", "node /app/server.js", "-", "1000"},
      {"go-worker", "registry.example.com/batch/go-worker", "1.9.4", "distroless", "-", "/worker --queue=jobs --concurrency=8", "-", "65532"},
      {"java-billing", "registry.example.com/payments/billing", "4.2.7", "ubuntu22", "jdk17", "/opt/java/openjdk/bin/java -XX:MaxRAMPercentage=75 -jar /app/billing.jar", "-", "1001"},
      {"ruby-shop", "registry.example.com/shop/ruby-shop", "3.0.12", "debian12", "-", "puma 6.4.3 (tcp://0.0.0.0:3000) [app]", "puma: cluster worker 0: 1 [app]", "1000"},
      {"php-cms", "registry.example.com/web/php-cms", "8.3.12", "debian12", "-", "php-fpm: master process (/usr/local/etc/php-fpm.conf)", "php-fpm: pool www", "0"}};

  private static final String[] NAMESPACES = {"default", "payments", "shop", "monitoring", "logging", "kube-system",
      "ingress", "data", "auth", "batch", "search", "web"};
  private static final String[] QOS = {"Guaranteed", "Burstable", "BestEffort"};
  static final Map<Integer, String> PASSWD = Map.of(0, "root", 100, "messagebus", 997, "systemd-timesync",
      998, "systemd-network", 1000, "admin");

  private final Random r;
  private final double scale;
  private final double listingScale;
  private final Node node = new Node();
  private int snap = 1;
  private int pid = 1180;

  NodeBuilder(long seed, double scale) {
    this(seed, scale, 1);
  }

  /**
   * @param listingScale a further factor on the layer listings alone; the rest of the node, and every random draw,
   *     stays as at {@code scale}
   */
  NodeBuilder(long seed, double scale, double listingScale) {
    this.r = new Random(seed);
    this.scale = scale;
    this.listingScale = listingScale;
  }

  static int scaled(double base, double scale, int min) {
    return Math.max(min, (int) Math.round(base * scale));
  }

  Node build() {
    node.host = "node-" + Hex.suffix(r, 5);
    node.hostIp = "10.0.0." + (10 + r.nextInt(200));
    node.now = 1795166043L + r.nextInt(86400);
    node.boot = node.now - (8 * 86400 + r.nextInt(86400));
    int pods = scaled(110, scale, 1);
    int ctrs = Math.max(pods, scaled(250, scale, 1));
    int procs = scaled(3000, scale, 1);
    long entries = Math.max(1000, Math.round(5_000_000 * scale * listingScale));
    int mains = Math.max(pods, ctrs - Math.max(0, (ctrs - pods) / 8));
    List<Image> images = images(Math.min(APPS.length, mains));
    hostProcs();
    buildPods(pods, ctrs, mains, images);
    startProcesses(procs);
    tailProcs();
    spreadEntries(entries);
    return node;
  }

  private List<Image> images(int count) {
    Map<String, Layer> shared = new LinkedHashMap<>();
    long t = node.boot - 86400L * 120;
    Layer pauseLayer = layer("pause", "pause", t);
    node.pause = image("registry.k8s.io/pause", "3.10", 65535, null, null, "/pause", "-");
    node.pause.key = "pause";
    node.pause.layers.add(pauseLayer);
    node.images.add(node.pause);
    List<Image> out = new ArrayList<>();
    List<String[]> apps = new ArrayList<>(List.of(APPS));
    java.util.Collections.shuffle(apps, r);
    for (String[] a : apps.subList(0, count)) {
      String[] base = java.util.Arrays.stream(BASES).filter(b -> b[0].equals(a[3])).findFirst().orElseThrow();
      Image img = image(a[1], a[2], Integer.parseInt(a[7]), base[1], base[2], a[5], a[6]);
      img.key = a[0];
      img.layers.add(shared.computeIfAbsent(base[0], n -> layer(n, "base", t - 86400L * r.nextInt(60))));
      if (!"-".equals(a[4])) {
        img.layers.add(shared.computeIfAbsent(a[4], n -> layer(n, "runtime", t + 86400L * r.nextInt(30))));
      }
      int own = 1 + r.nextInt(3);
      for (int i = 0; i < own; i++) {
        img.layers.add(layer(a[0] + "-" + i, "app", node.boot - 86400L * (1 + r.nextInt(60))));
      }
      node.images.add(img);
      out.add(img);
    }
    return out;
  }

  private Image image(String repo, String tag, int uid, String osr, String osrPath, String cmd, String worker) {
    Image img = new Image();
    img.ref = repo + ":" + tag;
    img.id = "sha256:" + Hex.id(r);
    img.digestRef = repo + "@sha256:" + Hex.id(r);
    img.size = 300_000 + r.nextInt(400_000_000);
    img.uid = uid;
    img.osRelease = osr;
    img.osReleasePath = osrPath;
    img.command = cmd;
    img.worker = worker;
    return img;
  }

  private Layer layer(String name, String kind, long mtime) {
    Layer l = new Layer(name, kind, SNAP + "/" + snap++ + "/fs", r.nextLong(), mtime);
    node.layers.add(l);
    return l;
  }

  /** Spreads the listing entries over the layers by weight: bases and runtimes are the big ones. */
  private void spreadEntries(long total) {
    List<Layer> ls = node.layers.stream().filter(l -> !"pause".equals(l.kind)).toList();
    double[] w = new double[ls.size()];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      String k = ls.get(i).kind;
      w[i] = (0.5 + r.nextDouble() * 1.5) * ("base".equals(k) ? 4 : "runtime".equals(k) ? 5 : 1);
      sum += w[i];
    }
    long left = total - 3;
    for (int i = 0; i < w.length; i++) {
      long n = i == w.length - 1 ? left : Math.round((total - 3) * w[i] / sum);
      ls.get(i).entries = Math.max(20, Math.min(n, left));
      left -= ls.get(i).entries;
    }
    node.pause.layers.get(0).entries = 3;
  }

  private int nextPid() {
    pid += 3 + r.nextInt(40);
    return pid;
  }

  private void buildPods(int podCount, int ctrCount, int mains, List<Image> images) {
    double t = node.boot + 40;
    double span = node.now - 600 - t;
    List<Double> starts = new ArrayList<>();
    for (int i = 0; i < podCount; i++) {
      starts.add(t + (i == 0 ? 0 : r.nextDouble() * span));
    }
    starts.sort(null);
    int[] perPod = new int[podCount];
    java.util.Arrays.fill(perPod, 1);
    for (int i = podCount; i < mains; i++) {
      perPod[r.nextInt(podCount)]++;
    }
    int inits = ctrCount - mains;
    int imageIx = 0;
    for (int i = 0; i < podCount; i++) {
      Pod p = new Pod();
      Image first = images.get(imageIx++ % images.size());
      p.app = first.key;
      p.ns = NAMESPACES[r.nextInt(NAMESPACES.length)];
      boolean ds = r.nextInt(10) == 0;
      if (ds) {
        p.ownerKind = "DaemonSet";
        p.ownerName = p.app + "-" + Hex.suffix(r, 3);
        p.generateName = p.ownerName + "-";
      } else {
        p.ownerKind = "ReplicaSet";
        p.ownerName = p.app + "-" + Hex.suffix(r, 10);
        p.generateName = p.ownerName + "-";
      }
      p.name = p.generateName + Hex.suffix(r, 5);
      p.uid = Hex.uuid(r);
      p.sbid = Hex.id(r);
      p.qos = QOS[r.nextInt(3)];
      String u = p.uid.replace('-', '_');
      if ("Guaranteed".equals(p.qos)) {
        p.slice = "kubepods-pod" + u + ".slice";
        p.slicePath = "/kubepods.slice/" + p.slice;
      } else {
        String q = p.qos.toLowerCase(java.util.Locale.ROOT);
        p.slice = "kubepods-" + q + "-pod" + u + ".slice";
        p.slicePath = "/kubepods.slice/kubepods-" + q + ".slice/" + p.slice;
      }
      p.ip = "10.244." + (i / 250) + "." + (2 + i % 250);
      p.created = starts.get(i);
      p.sandbox = ctr(p, "POD", node.pause, "sandbox", p.created, 0);
      double ct = p.created + 1.5;
      int order = 0;
      if (inits > 0 && (r.nextInt(3) == 0 || podCount - i <= inits)) {
        inits--;
        Ctr init = ctr(p, "init-" + p.app, first, "init", ct, order++);
        init.state = "exited";
        init.finished = init.started + 0.5 + r.nextDouble() * 20;
        init.reason = "Completed";
        ct = init.finished + 0.3;
      }
      for (int k = 0; k < perPod[i]; k++) {
        Image img = k == 0 ? first : images.get(imageIx++ % images.size());
        String name = k == 0 ? p.app : img.key + "-" + k;
        Ctr c = ctr(p, name, img, "main", ct + 0.3 * k, order++);
        if (r.nextInt(25) == 0) {
          c.attempt = 1 + r.nextInt(6);
        }
      }
      node.pods.add(p);
    }
  }

  private Ctr ctr(Pod p, String name, Image img, String kind, double created, int order) {
    Ctr c = new Ctr();
    c.name = name;
    c.image = img;
    c.kind = kind;
    c.state = "running";
    c.order = order;
    c.created = created;
    c.started = created + 0.2;
    c.uid = img.uid;
    c.id = "sandbox".equals(kind) ? p.sbid : Hex.id(r);
    c.upper = SNAP + "/" + snap + "/fs";
    snap += 1 + r.nextInt(3);
    c.merged = TASK + "/" + c.id + "/rootfs";
    c.scope = p.slicePath + "/cri-containerd-" + c.id + ".scope";
    int roll = r.nextInt(100);
    c.driftFiles = roll < 3 ? 50 + r.nextInt(150) : 1 + r.nextInt(6);
    c.driftEtc = r.nextBoolean();
    c.driftWhiteout = r.nextInt(10) < 3;
    if (!"sandbox".equals(kind)) {
      p.containers.add(c);
    }
    return c;
  }

  private String user(int uid) {
    return PASSWD.getOrDefault(uid, Integer.toString(uid));
  }

  /** Shims, pause processes and container processes in start order, then extra workers up to the target. */
  private void startProcesses(int target) {
    record Ev(double t, Pod p, Ctr c) {}
    List<Ev> evs = new ArrayList<>();
    for (Pod p : node.pods) {
      evs.add(new Ev(p.created, p, p.sandbox));
      for (Ctr c : p.containers) {
        evs.add(new Ev(c.started, p, c));
      }
    }
    evs.sort((a, b) -> Double.compare(a.t, b.t));
    List<Ctr> runningMains = new ArrayList<>();
    for (Ev e : evs) {
      Ctr c = e.c;
      if (c == e.p.sandbox) {
        e.p.shim = new Proc(nextPid(), 1, 0, "root", "Sl", e.t, 13400, 1238480,
            "/usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id " + e.p.sbid
                + " -address /run/containerd/containerd.sock", "/system.slice/containerd.service", false);
        node.containerProcs.add(e.p.shim);
      }
      if (!c.running()) {
        continue;
      }
      Proc main = new Proc(nextPid(), e.p.shim.pid, c.uid, user(c.uid), "Ssl", c.started, 1000 + r.nextInt(400_000),
          700_000 + r.nextInt(3_000_000), c.image.command, c.scope, false);
      c.procs.add(main);
      node.containerProcs.add(main);
      if (!"sandbox".equals(c.kind)) {
        runningMains.add(c);
      }
    }
    int have = node.hostProcs.size() + node.containerProcs.size() + 12;
    for (int i = have; i < target && !runningMains.isEmpty(); i++) {
      Ctr c = runningMains.get(r.nextInt(runningMains.size()));
      Proc m = c.procs.get(0);
      String args = "-".equals(c.image.worker) ? c.image.command : c.image.worker;
      Proc w = new Proc(nextPid(), m.pid, c.uid, user(c.uid), "S", m.start + 0.1 * c.procs.size(),
          800 + r.nextInt(200_000), m.vsz, args, c.scope, false);
      c.procs.add(w);
      node.containerProcs.add(w);
    }
  }

  private static final String[] KTHREADS = {"kthreadd", "pool_workqueue_release", "kworker/R-rcu_g", "kworker/R-rcu_p",
      "kworker/R-slub_", "kworker/R-netns", "kworker/0:0H-events_highpri", "kworker/R-mm_pe", "rcu_tasks_kthread",
      "ksoftirqd/0", "rcu_preempt", "migration/0", "idle_inject/0", "cpuhp/0", "kdevtmpfs", "kworker/R-inet_",
      "kauditd", "khungtaskd", "oom_reaper", "kworker/R-write", "kcompactd0", "ksmd", "khugepaged", "kswapd0",
      "kworker/R-kbloc", "jbd2/sda1-8", "kworker/R-ext4-"};

  private void hostProcs() {
    double b = node.boot;
    List<Proc> ps = node.hostProcs;
    ps.add(new Proc(1, 0, 0, "root", "Ss", b, 13264, 168712, "/sbin/init", "/init.scope", false));
    ps.add(new Proc(2, 0, 0, "root", "S", b, 0, 0, "kthreadd", "/", true));
    int kp = 3;
    int cpus = 16;
    for (int i = 1; i < KTHREADS.length; i++) {
      ps.add(new Proc(kp++, 2, 0, "root", KTHREADS[i].startsWith("kworker/R") ? "I<" : "S", b, 0, 0, KTHREADS[i],
          "/", true));
    }
    for (int c = 1; c < cpus; c++) {
      for (String k : new String[] {"cpuhp/", "migration/", "ksoftirqd/", "kworker/%d:0H-events_highpri"}) {
        String n = k.contains("%d") ? String.format(k, c) : k + c;
        ps.add(new Proc(kp++, 2, 0, "root", n.startsWith("kworker") ? "I<" : "S", b, 0, 0, n, "/", true));
      }
    }
    String s = "/system.slice/";
    Object[][] svc = {
        {271, 0, "Ss", 28440, 58140, "/lib/systemd/systemd-journald", "systemd-journald.service"},
        {303, 0, "Ss", 7208, 26552, "/lib/systemd/systemd-udevd", "systemd-udevd.service"},
        {497, 998, "Ss", 8612, 17992, "/lib/systemd/systemd-networkd", "systemd-networkd.service"},
        {512, 997, "Ssl", 6900, 90560, "/lib/systemd/systemd-timesyncd", "systemd-timesyncd.service"},
        {533, 0, "Ss", 2716, 6612, "/usr/sbin/cron -f", "cron.service"},
        {534, 100, "Ss", 4828, 9120, "/usr/bin/dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only", "dbus.service"},
        {541, 0, "Ss", 7640, 25448, "/lib/systemd/systemd-logind", "systemd-logind.service"},
        {571, 0, "Ss", 9196, 15428, "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups", "ssh.service"},
        {588, 0, "Ssl", 61220, 2133756, "/usr/bin/containerd", "containerd.service"},
        {1003, 0, "Ssl", 96440, 2501896, "/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock", "kubelet.service"}};
    double t = b + 1.6;
    for (Object[] v : svc) {
      int uid = (Integer) v[1];
      ps.add(new Proc((Integer) v[0], 1, uid, user(uid), (String) v[2], t, (Integer) v[3], (Integer) v[4],
          (String) v[5], s + v[6], false));
      t += 0.3;
    }
  }

  private void tailProcs() {
    double t = node.now - 260;
    int base = pid + 9000;
    String sess = "/user.slice/user-1000.slice/session-41.scope";
    String ud = "/user.slice/user-1000.slice/user@1000.service/init.scope";
    double c = node.now - 0.4;
    List<Proc> ps = node.tailProcs;
    ps.add(new Proc(base, 571, 0, "root", "Ss", t, 11060, 17308, "sshd: admin [priv]", sess, false));
    ps.add(new Proc(base + 3, 1, 1000, "admin", "Ss", t + 0.1, 10272, 18956, "/lib/systemd/systemd --user", ud, false));
    ps.add(new Proc(base + 11, base, 1000, "admin", "S", t + 0.2, 6808, 17560, "sshd: admin@pts/0", sess, false));
    ps.add(new Proc(base + 12, base + 11, 1000, "admin", "Ss", t + 0.2, 5228, 8816, "-bash", sess, false));
    ps.add(new Proc(base + 90, base + 12, 0, "root", "S+", c - 1, 5888, 12960, "sudo ./podmortem-collect -o /tmp", sess, false));
    ps.add(new Proc(base + 92, base + 90, 0, "root", "S+", c - 1, 3456, 7264, "/bin/sh ./podmortem-collect -o /tmp", sess, false));
    ps.add(new Proc(base + 140, base + 92, 0, "root", "S+", c, 996, 5540, "timeout -k 5 30 ps faxno user,stat,cmd", sess, false));
    ps.add(new Proc(base + 141, base + 140, 0, "root", "R+", c, 4112, 11188, Renderers.FOREST_PS, sess, false));
    ps.add(new Proc(base + 146, base + 92, 0, "root", "S+", c, 992, 5540, "timeout -k 5 30 " + Renderers.TABLE_PS, sess, false));
    ps.add(new Proc(base + 147, base + 146, 0, "root", "R+", c, 4220, 11188, Renderers.TABLE_PS, sess, false));
  }
}
