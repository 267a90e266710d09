/** Analyst and administrator use cases shared by the console, the REST API and the CLI: device search, triage, notes, export, roster, policies, enrollment, users, audit, and authorization. */
@NullMarked
package io.telltale.collector.review;

import org.jspecify.annotations.NullMarked;
