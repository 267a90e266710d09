/**
 * Reading administrator-written YAML (signature catalogue, policies) with the line and column of every
 * value, so that errors point into the file the administrator has open.
 */
@NullMarked
package io.telltale.collector.detect.yaml;

import org.jspecify.annotations.NullMarked;
