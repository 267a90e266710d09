package io.telltale.agent.transport;

import io.telltale.agent.config.RemoteConfig;

/** Receives what the collector asks for in its responses. Called on the delivering thread. */
public interface DeliveryListener {

  /** A newer configuration; {@code identifierKey} is empty when the key did not change. */
  void onConfig(RemoteConfig config, byte[] identifierKey);

  /** The collector wants the certificate renewed now. */
  void onRenewRequested();
}
