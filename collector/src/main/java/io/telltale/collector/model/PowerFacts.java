package io.telltale.collector.model;

import org.jspecify.annotations.Nullable;

/**
 * Power state. {@code null} booleans mean the OS does not tell; {@code batteryPercent} -1 means unknown;
 * {@code lidOpen} null where the OS does not tell.
 */
public record PowerFacts(
    @Nullable Boolean hasBattery,
    @Nullable Boolean onAc,
    int batteryPercent,
    @Nullable Boolean lidOpen,
    @Nullable Boolean sleepDisabledOnAc) {}
