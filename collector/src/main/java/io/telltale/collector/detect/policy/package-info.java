/**
 * Detection policies: the YAML model and loader (line/column errors), CEL compilation and type-checking
 * against the signal model, the one adapter from {@link io.telltale.collector.detect.Signals} to the CEL
 * input, guarded rule evaluation with scoring, and {@link
 * io.telltale.collector.detect.policy.PolicyRegistry} (atomic swap, live reload, versions).
 */
@NullMarked
package io.telltale.collector.detect.policy;

import org.jspecify.annotations.NullMarked;
