package io.telltale.collector.store.sql.postgres;

import io.telltale.collector.store.LeaderElection;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership through a session-level PostgreSQL advisory lock held on a dedicated connection (not from the
 * pool). The lock lives exactly as long as that session: when the connection breaks, or this process dies,
 * PostgreSQL releases it and another collector's next {@link #poll()} takes it.
 */
final class PostgresLeaderElection implements LeaderElection {

  private static final Logger logger = LoggerFactory.getLogger(PostgresLeaderElection.class);
  /** Namespace of Telltale's advisory locks (first key of the two-int form): "TELL". */
  private static final int LOCK_NAMESPACE = 0x54454c4c;

  private final String url;
  private final Properties props = new Properties();
  private final String name;
  private final int lockKey;
  private @Nullable Connection connection;
  private volatile boolean leader;
  private boolean closed;

  PostgresLeaderElection(String url, String user, String password, String name) {
    this.url = url;
    if (!user.isEmpty()) {
      props.setProperty("user", user);
    }
    if (!password.isEmpty()) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "3");
    props.setProperty("socketTimeout", "10");
    props.setProperty("tcpKeepAlive", "true");
    props.setProperty("ApplicationName", "telltale-leader-" + name);
    this.name = name;
    CRC32 crc = new CRC32();
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    this.lockKey = (int) crc.getValue();
  }

  @Override
  public synchronized boolean poll() {
    if (closed) {
      return false;
    }
    try {
      if (leader) {
        if (connection != null && connection.isValid(2)) {
          return true;
        }
        logger.warn("lost leadership of '{}': its database session ended", name);
        dropConnection();
      }
      if (connection == null) {
        connection = DriverManager.getConnection(url, props);
      }
      try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
        ps.setInt(1, LOCK_NAMESPACE);
        ps.setInt(2, lockKey);
        try (ResultSet rs = ps.executeQuery()) {
          leader = rs.next() && rs.getBoolean(1);
        }
      }
      if (leader) {
        logger.info("took leadership of '{}'", name);
      }
    } catch (SQLException e) {
      logger.debug("leader poll of '{}' failed: {}", name, e.toString());
      dropConnection();
    }
    return leader;
  }

  @Override
  public boolean isLeader() {
    return leader;
  }

  private void dropConnection() {
    leader = false;
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        logger.debug("closing the leader connection failed", e);
      }
      connection = null;
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    dropConnection(); // ending the session releases the lock
  }
}
