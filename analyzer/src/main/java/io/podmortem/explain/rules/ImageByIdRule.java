package io.podmortem.explain.rules;

import io.podmortem.explain.ContainerExplanation;
import io.podmortem.explain.Images;
import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime shows a container's image only by ID: the image was pulled by digest or its tag moved on, so the
 * table does not say which image it is.
 */
public final class ImageByIdRule implements Rule {
  @Override
  public String id() {
    return "image-by-id";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Container c : ctx.node().containers()) {
      if (!Images.isId(c.image())) {
        continue;
      }
      ContainerExplanation e = ctx.explanations().get(c.shortId());
      String reveal = e != null && e.imageNote() != null ? " " + e.imageNote() : "";
      out.add(new Finding(id(), Severity.INFO, c.shortId(), "The image is shown only by its ID " + c.image()
          + ", not by name: it was pulled by digest or its tag has since moved." + reveal,
          c.evidence().of("image")));
    }
    return out;
  }
}
