// Generated without any pom into the directory given on the command line (relative to where Maven ran).
def client = new File(basedir, 'generated/com/acme/cli/NotesClient.java')
assert client.isFile()
assert client.text.contains('package com.acme.cli;')
assert !new File(basedir, 'target').exists() : 'nothing is written outside the requested directory'
