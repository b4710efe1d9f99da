/**
 * A consumer of the processor: the notes client is generated here from crmgen-spec's fragment, found on the class path.
 */
@GenerateClient(spec = "notes-batch-update.yaml", packageName = "com.acme.hubspot.notes")
package dev.crmgen.processor.notes;

import dev.crmgen.runtime.GenerateClient;
