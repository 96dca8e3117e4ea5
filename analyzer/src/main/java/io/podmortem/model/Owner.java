package io.podmortem.model;

/** Who created a pod: a kind, its name where known, and how we know. */
public record Owner(String kind, String name, String reason) {}
