// First build: everything generated, then compiled together with the consumer's code.
def log = new File(basedir, 'build.log').text
def run = log.substring(log.lastIndexOf('Scanning for projects'))
assert run.contains('because no earlier generation is recorded')
def generated = new File(basedir, 'target/generated-sources/crmgen/com/acme/notes')
assert new File(generated, 'Note.java').isFile()
assert new File(generated, 'NotesClient.java').isFile()
assert new File(basedir, 'target/generated-sources/crmgen/.crmgen-default.state').isFile()
assert new File(basedir, 'target/classes/com/acme/notes/NotesClient.class').isFile()
assert new File(basedir, 'target/classes/com/acme/app/App.class').isFile()
