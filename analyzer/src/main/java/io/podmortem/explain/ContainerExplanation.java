package io.podmortem.explain;

/**
 * What the knowledge base says about one container.
 *
 * @param component the matched component, or null
 * @param how what recognised it: {@code image}, or the command that revealed it
 * @param imageNote where the image is shown only by ID: which component the command reveals; else null
 */
public record ContainerExplanation(Component component, String how, String imageNote) {}
