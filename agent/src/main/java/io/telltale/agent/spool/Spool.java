package io.telltale.agent.spool;

import static io.telltale.agent.internal.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.squareup.tape2.QueueFile;
import io.telltale.agent.internal.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable report queue of one device: a tape2 {@link QueueFile} ({@code spool.tape}, every write
 * synchronous) plus a sidecar {@code spool.state} with the next sequence number and unreported drops.
 *
 * <p>Protocol: {@link #append} assigns the next sequence number and stores the report before anything is
 * sent; {@link #peek} returns the oldest report; {@link #acknowledge} removes it only once the collector
 * acknowledged that sequence. After a crash (kill -9, power loss) the queue reopens with every report that
 * {@code append} had returned for and that was not acknowledged; sequence numbers are never reused for a
 * report that may have been sent.
 *
 * <p>Bounded: when an append would exceed {@code maxBytes}, the oldest heartbeats are dropped first, then
 * the oldest full reports, but never the newest full report; drops are counted in {@link #pendingDrops()}
 * until a report that carries them is acknowledged.
 *
 * <p>No I/O happens at construction; the files open on first use. Thread-safe (methods are synchronized);
 * all calls block on disk I/O and throw {@link UncheckedIOException} when the disk fails.
 */
public final class Spool implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(Spool.class);

  /** Built-in bound of the spool: about two weeks of five-minute heartbeats plus daily inventories. */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
  /** Smallest accepted bound: a few full reports must always fit. */
  public static final long MIN_MAX_BYTES = 256L * 1024;
  /** tape2's versioned file header and per-element length prefix. */
  private static final int FILE_HEADER = 32;
  private static final int ELEMENT_HEADER = 4;

  private final Path dir;
  private final String logPrefix;
  private long maxBytes;
  private @Nullable QueueFile queue;
  private SpoolState state = SpoolState.INITIAL;
  private long usedBytes;
  private long tailSequence;

  /**
   * @param dir directory holding this device's spool files (created on first use)
   * @param maxBytes upper bound of the queued reports, in bytes (>= {@link #MIN_MAX_BYTES})
   * @param logPrefix prefix of log lines, the device id or host name
   */
  public Spool(Path dir, long maxBytes, String logPrefix) {
    this.dir = requireNonNull(dir, "dir");
    this.logPrefix = requireNonNull(logPrefix, "logPrefix");
    setMaxBytes(maxBytes);
  }

  /** Changes the bound (pushed configuration); takes effect at the next append. */
  public synchronized void setMaxBytes(long maxBytes) {
    checkArgument(maxBytes >= MIN_MAX_BYTES, "maxBytes: %s (expected: >= %s)", maxBytes, MIN_MAX_BYTES);
    this.maxBytes = maxBytes;
  }

  /**
   * Stores a new report durably and returns its sequence number. {@code payload} receives the sequence
   * number, so the serialized report can carry it. May drop older reports to stay within the bound.
   */
  public synchronized long append(EntryKind kind, LongFunction<byte[]> payload) {
    QueueFile q = open();
    long sequence = state.nextSequence();
    SpoolEntry entry = new SpoolEntry(sequence, kind, payload.apply(sequence));
    long size = ELEMENT_HEADER + entry.encodedSize();
    try {
      if (FILE_HEADER + usedBytes + size > maxBytes) {
        q = makeRoom(size, kind);
        if (FILE_HEADER + usedBytes + size > maxBytes) {
          // Not even the newest report fits beside what must be kept: it is the one that goes, counted.
          logger.warn("{} - report {} ({} bytes) does not fit in the spool ({} bytes); dropped",
              logPrefix, sequence, size, maxBytes);
          state = new SpoolState(sequence + 1, state.pendingDrops().plus(sequence));
          state.write(stateFile());
          return sequence;
        }
      }
      q.add(entry.encode());
      usedBytes += size;
      tailSequence = sequence;
      state = new SpoolState(sequence + 1, state.pendingDrops());
      return sequence;
    } catch (IOException e) {
      throw new UncheckedIOException("spool append failed in " + dir, e);
    }
  }

  /** The oldest report not yet acknowledged, or null when the spool is empty. */
  public synchronized @Nullable SpoolEntry peek() {
    try {
      byte[] head = open().peek();
      return head == null ? null : SpoolEntry.decode(head);
    } catch (IOException e) {
      throw new UncheckedIOException("spool read failed in " + dir, e);
    }
  }

  /**
   * The oldest reports not yet acknowledged, oldest first: at most {@code max} of them and, beyond the first,
   * at most {@code maxBytes} of payload in all. Empty when the spool is empty.
   */
  public synchronized List<SpoolEntry> peek(int max, long maxBytes) {
    checkArgument(max >= 1, "max: %s (expected: >= 1)", max);
    List<SpoolEntry> out = new ArrayList<>(Math.min(max, 64));
    long bytes = 0;
    try {
      for (byte[] element : open()) {
        if (out.size() == max || (!out.isEmpty() && bytes + element.length > maxBytes)) {
          break;
        }
        out.add(SpoolEntry.decode(element));
        bytes += element.length;
      }
    } catch (RuntimeException e) { // tape2's iterator throws its IOExceptions unchecked
      throw new UncheckedIOException("spool read failed in " + dir,
          e instanceof UncheckedIOException u ? u.getCause() : new IOException(e));
    }
    return out;
  }

  /**
   * The collector acknowledged every report up to and including {@code sequence}; the oldest of them carried
   * {@code reportedDrops}. Removes them from the head of the queue in one step and returns how many.
   */
  public synchronized int acknowledgeThrough(long sequence, DropSummary reportedDrops) {
    QueueFile q = open();
    int n = 0;
    long bytes = 0;
    try {
      for (byte[] element : q) {
        if (SpoolEntry.sequenceOf(element) > sequence) {
          break;
        }
        n++;
        bytes += ELEMENT_HEADER + element.length;
      }
      if (n == 0) {
        return 0;
      }
      DropSummary remaining = state.pendingDrops().minus(reportedDrops);
      if (q.size() == n || !remaining.equals(state.pendingDrops())) {
        // The queue is about to be empty (it then no longer shows the last sequence) or the drop counts
        // change: record the state first. A crash in between resends a report, never reuses a sequence.
        state = new SpoolState(state.nextSequence(), remaining);
        state.write(stateFile());
      }
      q.remove(n);
      usedBytes -= bytes;
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException("spool remove failed in " + dir, e);
    }
  }

  /**
   * The collector acknowledged {@code sequence}, which carried {@code reportedDrops}: removes it if it is the
   * oldest report and forgets the drops it reported. Acknowledging anything else changes nothing.
   */
  public synchronized boolean acknowledge(long sequence, DropSummary reportedDrops) {
    SpoolEntry head = peek();
    return head != null && head.sequence() == sequence && acknowledgeThrough(sequence, reportedDrops) == 1;
  }

  /**
   * Takes the oldest report out of the queue without it being acknowledged (the collector refused it as
   * malformed) and keeps a copy under {@code rejected/} for inspection. Returns whether it removed one.
   */
  public synchronized boolean setAside(long sequence) {
    SpoolEntry head = peek();
    if (head == null || head.sequence() != sequence) {
      return false;
    }
    try {
      Path rejected = Files.createDirectories(dir.resolve("rejected"));
      Files.write(rejected.resolve(sequence + ".pb"), head.payload());
    } catch (IOException e) {
      logger.warn("{} - could not keep a copy of rejected report {}: {}", logPrefix, sequence, e.toString());
    }
    return acknowledge(sequence, DropSummary.NONE);
  }

  /** Drops counted but not yet carried by an acknowledged report. */
  public synchronized DropSummary pendingDrops() {
    open();
    return state.pendingDrops();
  }

  /** The sequence number the next append will get. */
  public synchronized long nextSequence() {
    open();
    return state.nextSequence();
  }

  /** Number of reports waiting for an acknowledgement. */
  public synchronized int size() {
    return open().size();
  }

  /** Bytes the queued reports take in the queue file (its header included). */
  public synchronized long usedBytes() {
    open();
    return FILE_HEADER + usedBytes;
  }

  /** Opens the files if needed and returns null when healthy, else the problem. Cheap; never throws. */
  public synchronized @Nullable String check() {
    try {
      open();
      return null;
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }

  @Override
  public synchronized void close() {
    if (queue == null) {
      return;
    }
    try {
      queue.close();
    } catch (IOException e) {
      logger.warn("{} - closing the spool failed: {}", logPrefix, e.toString());
    }
    queue = null;
  }

  private Path queueFile() {
    return dir.resolve("spool.tape");
  }

  private Path stateFile() {
    return dir.resolve("spool.state");
  }

  private QueueFile open() {
    if (queue != null) {
      return queue;
    }
    try {
      Files.createDirectories(dir);
      state = SpoolState.read(stateFile());
      QueueFile q;
      try {
        q = new QueueFile.Builder(queueFile().toFile()).build();
        scan(q);
      } catch (IOException | RuntimeException e) {
        q = quarantine(e);
      }
      queue = q;
      if (tailSequence >= state.nextSequence()) {
        state = new SpoolState(tailSequence + 1, state.pendingDrops());
      }
      return q;
    } catch (IOException e) {
      throw new UncheckedIOException("spool cannot be opened in " + dir, e);
    }
  }

  private void scan(QueueFile q) {
    long used = 0;
    long tail = 0;
    for (byte[] element : q) {
      used += ELEMENT_HEADER + element.length;
      tail = SpoolEntry.sequenceOf(element);
    }
    usedBytes = used;
    tailSequence = tail;
  }

  /** A queue file that cannot be read is moved aside (kept for inspection) and a new one started. */
  private QueueFile quarantine(Exception cause) throws IOException {
    Path aside = dir.resolve("spool.tape.corrupt-" + System.nanoTime());
    // Its reports may have been sent: skip past every sequence number it could hold, so none is reused
    // (its length may be damaged too, hence the generous minimum).
    long maxElements = Math.max(Files.size(queueFile()) / (ELEMENT_HEADER + 10), 0) + 1000;
    logger.error("{} - spool file unreadable ({}); moved to {}, starting a new one after {} reserved sequences",
        logPrefix, cause.toString(), aside, maxElements);
    Files.move(queueFile(), aside, StandardCopyOption.REPLACE_EXISTING);
    state = new SpoolState(state.nextSequence() + maxElements, state.pendingDrops());
    state.write(stateFile());
    usedBytes = 0;
    tailSequence = 0;
    return new QueueFile.Builder(queueFile().toFile()).build();
  }

  /**
   * Drops reports until {@code incoming} bytes fit with some slack (so that a full spool does not rewrite
   * itself on every append): oldest heartbeats first, then oldest full reports except the newest one.
   */
  private QueueFile makeRoom(long incoming, EntryKind incomingKind) throws IOException {
    QueueFile q = requireNonNull(queue);
    long target = maxBytes - maxBytes / 16;
    long mustFree = FILE_HEADER + usedBytes + incoming - target;
    SpoolTrimmer.Plan plan = SpoolTrimmer.plan(q, mustFree, incomingKind == EntryKind.FULL);
    if (plan.dropped().isEmpty()) {
      return q;
    }
    DropSummary drops = state.pendingDrops();
    for (long s : plan.dropped()) {
      drops = drops.plus(s);
    }
    logger.warn("{} - spool full ({} of {} bytes): dropped {} heartbeats and {} full reports, oldest first",
        logPrefix, FILE_HEADER + usedBytes, maxBytes, plan.droppedHeartbeats(), plan.droppedFull());
    state = new SpoolState(state.nextSequence(), drops);
    state.write(stateFile());
    if (plan.isPrefix()) {
      q.remove(plan.dropped().size());
    } else {
      q = rewriteWithout(q, plan);
    }
    usedBytes -= plan.freedBytes();
    return q;
  }

  private QueueFile rewriteWithout(QueueFile q, SpoolTrimmer.Plan plan) throws IOException {
    Path tmp = dir.resolve("spool.tape.rewrite");
    Files.deleteIfExists(tmp);
    try (QueueFile copy = new QueueFile.Builder(tmp.toFile()).build()) {
      Iterator<byte[]> it = q.iterator();
      while (it.hasNext()) {
        byte[] element = it.next();
        if (!plan.dropped().contains(SpoolEntry.sequenceOf(element))) {
          copy.add(element);
        }
      }
    }
    q.close();
    queue = null;
    Files.move(tmp, queueFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    DurableFiles.syncDirectory(dir);
    queue = new QueueFile.Builder(queueFile().toFile()).build();
    return queue;
  }
}
