package io.podmortem.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImagesTest {
  @Test
  void repositoryAndTag_handleRegistryPortsAndDigests() {
    assertThat(Images.repository("k8s.gcr.io/pause:3.4.1")).isEqualTo("k8s.gcr.io/pause");
    assertThat(Images.tag("k8s.gcr.io/pause:3.4.1")).isEqualTo("3.4.1");
    assertThat(Images.repository("registry:5000/app")).isEqualTo("registry:5000/app");
    assertThat(Images.tag("registry:5000/app")).isNull();
    assertThat(Images.repository("nginx@sha256:67f9")).isEqualTo("nginx");
    assertThat(Images.tag("nginx:1.25@sha256:67f9")).isEqualTo("1.25");
  }

  @Test
  void isId_tellsAnImageIdFromAName() {
    assertThat(Images.isId("296a6d5035e2")).isTrue();
    assertThat(Images.isId("k8s.gcr.io/echoserver")).isFalse();
  }
}
