package io.telltale.collector.model;

import org.jspecify.annotations.Nullable;

/**
 * Round trip and clock offset as the agent measured them against the collector.
 *
 * @param rttMs round-trip time of the previous call in ms, 0 = not measured
 * @param clockOffsetMs device clock minus collector clock in ms, {@code null} = not measured
 */
public record Timing(int rttMs, @Nullable Long clockOffsetMs) {}
