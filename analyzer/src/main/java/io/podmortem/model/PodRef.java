package io.podmortem.model;

/** The pod a container belongs to, as the container's own name or labels say. */
public record PodRef(String namespace, String name, String uid) {}
