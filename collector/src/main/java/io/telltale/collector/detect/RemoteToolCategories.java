package io.telltale.collector.detect;

import io.telltale.collector.detect.catalogue.RemoteToolFamily;

/** Category helpers shared by the remote-access signals and the cluster view. */
final class RemoteToolCategories {

  private RemoteToolCategories() {}

  static boolean remoteControl(String category) {
    return RemoteToolFamily.REMOTE_CONTROL.contains(category);
  }
}
