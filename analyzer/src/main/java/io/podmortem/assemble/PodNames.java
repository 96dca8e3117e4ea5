package io.podmortem.assemble;

import io.podmortem.model.Owner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Infers who created a pod from its name, the way controllers build names. The suffixes use the alphabet of
 * apimachinery's {@code rand.SafeEncodeString}, which leaves out vowels and look-alike characters.
 */
public final class PodNames {
  private static final String SAFE = "[bcdfghjklmnpqrstvwxz2456789]";
  /** A ReplicaSet's pod. Example match: {@code hello-node-59bffcc9fd-8hkgb}. */
  private static final Pattern REPLICASET = Pattern.compile(
      "^(?<base>.+)-(?<hash>" + SAFE + "{6,10})-(?<suffix>" + SAFE + "{5})$");
  /**
   * A CronJob's Job's pod: the Job is named after the scheduled time in minutes since the epoch. Example match:
   * {@code report-28391820-q8z7w}.
   */
  private static final Pattern CRONJOB = Pattern.compile(
      "^(?<cron>.+)-(?<minutes>\\d{8,10})-(?<suffix>" + SAFE + "{5})$");
  /** A DaemonSet's or a Job's pod. Example match: {@code weave-net-mchmg}. */
  private static final Pattern FIVE = Pattern.compile("^(?<base>.+)-(?<suffix>" + SAFE + "{5})$");
  /** A StatefulSet's pod. Example match: {@code zk-0}. */
  private static final Pattern ORDINAL = Pattern.compile("^(?<base>.+)-(?<ordinal>\\d{1,5})$");

  private PodNames() {}

  /**
   * The owner the name suggests, or null when the name follows no pattern.
   *
   * @param node the node's name, where known, to recognise a static pod's {@code -<node>} suffix
   * @param isStatic whether the UID says static (a config hash), or null when unknown
   * @param status kubectl's STATUS, which tells a finished Job's pod from a DaemonSet's
   */
  public static Owner infer(String name, String node, Boolean isStatic, String status) {
    if (node != null && name.endsWith("-" + node.toLowerCase(java.util.Locale.ROOT))) {
      String base = name.substring(0, name.length() - node.length() - 1);
      if (!Boolean.FALSE.equals(isStatic)) {
        return new Owner("Node", node, "inferred: a static pod, which kubelet names '" + base + "' plus '-" + node
            + "', the node's name, and its mirror pod is owned by Node/" + node);
      }
    }
    Matcher cron = CRONJOB.matcher(name);
    if (cron.matches()) {
      return new Owner("Job", cron.group("cron") + "-" + cron.group("minutes"), "inferred: the name ends in a scheduled time "
          + "in minutes and a 5-character suffix, as a CronJob names its Jobs and a Job its pods; the Job belongs to "
          + "CronJob " + cron.group("cron"));
    }
    Matcher rs = REPLICASET.matcher(name);
    if (rs.matches()) {
      return new Owner("ReplicaSet", rs.group("base") + "-" + rs.group("hash"), "inferred: the name ends in a pod-template hash '"
          + rs.group("hash") + "' and a 5-character suffix, as a ReplicaSet names its pods; the ReplicaSet usually "
          + "belongs to Deployment " + rs.group("base"));
    }
    Matcher five = FIVE.matcher(name);
    if (five.matches()) {
      if (status != null && (status.equals("Completed") || status.equals("Succeeded"))) {
        return new Owner("Job", five.group("base"), "inferred: the name ends in a 5-character suffix and the pod ran to "
            + "completion, as a Job's pod does");
      }
      return new Owner("DaemonSet", five.group("base"), "inferred: the name ends in a single 5-character suffix, as a "
          + "DaemonSet names its pods (a Job's pods look the same, but they finish)");
    }
    Matcher ord = ORDINAL.matcher(name);
    if (ord.matches()) {
      return new Owner("StatefulSet", ord.group("base"), "inferred: the name ends in an ordinal, as a StatefulSet names its "
          + "pods");
    }
    return null;
  }
}
