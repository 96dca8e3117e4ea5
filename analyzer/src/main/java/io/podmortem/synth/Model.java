package io.podmortem.synth;

import java.util.ArrayList;
import java.util.List;

/** The synthetic node: plain mutable holders, filled once by {@link NodeBuilder} and then only read. */
final class Model {
  private Model() {}

  /** One image layer as a containerd overlayfs snapshot; listed once however many containers share it. */
  static final class Layer {
    final String name;
    final String kind;      // base, runtime, app, pause
    final String dir;
    final String key;
    final long seed;
    final long mtime;
    long entries;

    Layer(String name, String kind, String dir, long seed, long mtime) {
      this.name = name;
      this.kind = kind;
      this.dir = dir;
      this.key = Hex.sha256(dir).substring(0, 16);
      this.seed = seed;
      this.mtime = mtime;
    }
  }

  /** An image: its layers bottom first, and the os-release its base carries (null for none). */
  static final class Image {
    String key;
    String ref;
    String id;
    String digestRef;
    long size;
    int uid;
    String osRelease;
    String osReleasePath;
    String command;
    String worker;
    final List<Layer> layers = new ArrayList<>();
  }

  /** A process row in ps, with the cgroup its /proc/PID/cgroup names. */
  static final class Proc {
    int pid;
    int ppid;
    int uid;
    String user;
    String stat;
    double start;
    long rss;
    long vsz;
    String args;
    String cgroup;
    boolean kthread;

    Proc(int pid, int ppid, int uid, String user, String stat, double start, long rss, long vsz, String args,
        String cgroup, boolean kthread) {
      this.pid = pid;
      this.ppid = ppid;
      this.uid = uid;
      this.user = user;
      this.stat = stat;
      this.start = start;
      this.rss = rss;
      this.vsz = vsz;
      this.args = args;
      this.cgroup = cgroup;
      this.kthread = kthread;
    }
  }

  /** A container or a pod sandbox. */
  static final class Ctr {
    String name;
    String id;
    Image image;
    String kind;            // main, init, sandbox
    String state;           // running, exited
    int attempt;
    int order;
    double created;
    double started;
    double finished;
    int exitCode;
    String reason = "";
    int uid;
    String upper;
    String merged;
    String scope;
    int driftFiles;
    boolean driftEtc;
    boolean driftWhiteout;
    final List<Proc> procs = new ArrayList<>();

    boolean running() {
      return "running".equals(state);
    }

    int pid() {
      return procs.isEmpty() ? 0 : procs.get(0).pid;
    }
  }

  /** A pod: its sandbox and containers, its QoS slice. */
  static final class Pod {
    String ns;
    String name;
    String uid;
    String sbid;
    String qos;
    String ownerKind;
    String ownerName;
    String generateName;
    String slice;
    String slicePath;
    String ip;
    String app;
    double created;
    Ctr sandbox;
    Proc shim;
    final List<Ctr> containers = new ArrayList<>();
  }

  /** The whole node. */
  static final class Node {
    String host;
    String hostIp;
    long now;
    long boot;
    final List<Image> images = new ArrayList<>();
    final List<Layer> layers = new ArrayList<>();
    final List<Pod> pods = new ArrayList<>();
    final List<Proc> hostProcs = new ArrayList<>();
    final List<Proc> containerProcs = new ArrayList<>();
    final List<Proc> tailProcs = new ArrayList<>();
    Image pause;
  }
}
