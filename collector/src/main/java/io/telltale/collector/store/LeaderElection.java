package io.telltale.collector.store;

/**
 * One holder at a time among the collectors sharing a store. Thread-safe. {@link #poll()} does the (possibly
 * blocking) work of acquiring, keeping or losing leadership and is called periodically by its owner.
 */
public interface LeaderElection extends AutoCloseable {

  /** Tries to acquire leadership or checks it is still held; returns whether this process leads now. */
  boolean poll();

  /** Last known leadership, without I/O. */
  boolean isLeader();

  /** Gives leadership up. Idempotent. */
  @Override
  void close();
}
