// Generated from the resource inside the crmgen-spec jar, then compiled with the consumer's code.
def log = new File(basedir, 'build.log').text
def run = log.substring(log.lastIndexOf('Scanning for projects'))
assert run =~ /crmgen: generated notes-batch-update\.yaml \(from jar:file:\S+crmgen-spec-[^!]+\.jar!\/notes-batch-update\.yaml\)/
assert new File(basedir, 'target/generated-sources/crmgen/com/acme/hubspot/notes/NotesClient.java').isFile()
assert new File(basedir, 'target/classes/com/acme/hubspot/notes/NotesClient.class').isFile()
assert new File(basedir, 'target/classes/com/acme/app/App.class').isFile()
