/** The ctl command: a thin client of the REST API. */
@NullMarked
package io.telltale.collector.review.cli;

import org.jspecify.annotations.NullMarked;
