package io.telltale.collector.store;

/** The writer's queue is full: the report was not accepted; the sender should retry after a delay. */
public final class StoreOverloadedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreOverloadedException(int capacity) {
    super("ingest queue full (" + capacity + " pending)", null, false, false);
  }
}
