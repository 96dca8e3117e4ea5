package io.podmortem.explain.rules;

import io.podmortem.explain.Images;
import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * An image named by a tag that can move ({@code latest}, or no tag at all) and no digest: the same name may run
 * different code tomorrow, and the report cannot say which build ran here. Judged only from inspect output:
 * {@code docker ps} strips the digest from the name it shows, so a table's bare name may hide a pinned image.
 */
public final class MutableImageTagRule implements Rule {
  @Override
  public String id() {
    return "image-mutable-tag";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Container c : ctx.node().containers()) {
      String image = c.image();
      if (image == null || c.state() == null || Images.isId(image) || image.contains("@sha256:")) {
        continue;
      }
      String tag = Images.tag(image);
      if (tag == null || tag.equals("latest")) {
        out.add(new Finding(id(), Severity.LOW, c.shortId(), Names.of(c) + " runs image " + image + ", named by "
            + (tag == null ? "no tag (so latest)" : "the tag latest") + " and no digest: the name can point to "
            + "another build at any time.", c.evidence().of("image")));
      }
    }
    return out;
  }
}
