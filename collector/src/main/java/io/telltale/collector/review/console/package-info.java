/** The web console: server-rendered pages (auto-escaping Mustache templates) over the same use cases as the API. */
@NullMarked
package io.telltale.collector.review.console;

import org.jspecify.annotations.NullMarked;
