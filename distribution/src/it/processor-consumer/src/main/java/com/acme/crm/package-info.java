/** Generates the notes client from the spec jar on the processor path. */
@GenerateClient(spec = "notes-batch-update.yaml", packageName = "com.acme.crm.notes")
package com.acme.crm;

import dev.crmgen.runtime.GenerateClient;
