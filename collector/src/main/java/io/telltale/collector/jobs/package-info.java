/** Fleet-wide periodic jobs (retention, later correlation) that run on exactly one collector at a time. */
@NullMarked
package io.telltale.collector.jobs;

import org.jspecify.annotations.NullMarked;
