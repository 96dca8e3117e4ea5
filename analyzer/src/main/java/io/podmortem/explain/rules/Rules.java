package io.podmortem.explain.rules;

import io.podmortem.explain.EolTable;
import io.podmortem.explain.Rule;
import java.util.List;

/** Every rule, in one place. */
public final class Rules {
  private Rules() {}

  public static List<Rule> all(EolTable eol) {
    return List.of(
        new ContainerRestartedRule(),
        new EndOfLifeOsRule(eol),
        new RootProcessRule(),
        new PodWithoutContainerRule(),
        new SourcesDisagreeRule(),
        new ImageByIdRule(),
        new BundleIntegrityRule(),
        new CollectionGapRule(),
        new QosMismatchRule(),
        new RestartCountMismatchRule(),
        new OrphanSandboxRule(),
        new EphemeralContainerRule(),
        new PrivilegedContainerRule(),
        new HostNamespaceRule(),
        new SensitiveMountRule(),
        new AddedCapabilitiesRule(),
        new MutableImageTagRule(),
        new OomKilledRule(),
        new MemoryNearLimitRule(),
        new ZombieProcessRule(),
        new UninterruptibleProcessRule(),
        new ShimWithoutContainerRule(),
        new ContainerWithoutShimRule(),
        new UnknownPodProcessRule(),
        new ExecSessionRule(),
        new DriftRule());
  }
}
