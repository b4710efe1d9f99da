/**
 * The notes batch-update client, generated at compile time by crmgen's annotation processor from the spec fragment
 * that the crmgen-spec jar puts on the processor path.
 */
@GenerateClient(spec = "notes-batch-update.yaml", packageName = "dev.crmgen.it.fragment")
package dev.crmgen.it.fragment;

import dev.crmgen.runtime.GenerateClient;
