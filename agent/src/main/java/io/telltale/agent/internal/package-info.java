/** Agent plumbing: clock, scheduled tasks, rate-limited logging, thread factories. Not API. */
@NullMarked
package io.telltale.agent.internal;

import org.jspecify.annotations.NullMarked;
