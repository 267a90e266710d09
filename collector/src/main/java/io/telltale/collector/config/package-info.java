/** The collector's configuration: {@code collector.yml} plus environment overrides, read once into a record. */
@NullMarked
package io.telltale.collector.config;

import org.jspecify.annotations.NullMarked;
