// The spec edit is seen: Note.java is rewritten; every other generated file keeps its bytes and timestamp.
def log = new File(basedir, 'build.log').text
def run = log.substring(log.lastIndexOf('Scanning for projects'))
def spec = new File(basedir, 'src/main/openapi/notes.yaml').toPath().toAbsolutePath().normalize()
assert run.contains("because input ${spec} changed; wrote 1, kept ")
def generated = new File(basedir, 'target/generated-sources/crmgen/com/acme/notes')
assert new File(generated, 'Note.java').text.contains('updatedAt')
def stamps = new Properties()
new File(basedir, 'target/stamps-before-edit.properties').withInputStream { stamps.load(it) }
assert stamps.size() > 2
stamps.each { name, stamp ->
    def file = new File(generated, name)
    if (name == 'Note.java') {
        assert file.lastModified() > Long.parseLong(stamp)
    } else {
        assert file.lastModified() == Long.parseLong(stamp) : "${name} was rewritten although unchanged"
    }
}
assert new File(basedir, 'target/classes/com/acme/notes/Note.class').isFile()
