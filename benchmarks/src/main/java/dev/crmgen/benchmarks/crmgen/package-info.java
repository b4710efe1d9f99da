/**
 * crmgen's client for the notes fragment, generated here by the annotation processor from crmgen-spec's
 * {@code notes-batch-update.yaml}, as a user's build would.
 */
@GenerateClient(spec = "notes-batch-update.yaml", packageName = "dev.crmgen.benchmarks.crmgen.notes")
package dev.crmgen.benchmarks.crmgen;

import dev.crmgen.runtime.GenerateClient;
