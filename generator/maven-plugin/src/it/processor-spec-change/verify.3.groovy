// With the antrun step the edit reaches the processor: the annotated class was deleted and the module recompiled.
def log = new File(basedir, 'build.log').text
def run = log.substring(log.lastIndexOf('Scanning for projects'))
assert run =~ /\[delete\] Deleting: .*NotesApi\.class/
assert run.contains('Recompiling the module because of changed source code')
assert new File(basedir, 'target/generated-sources/annotations/com/acme/notes/Note.java').text.contains('updatedAt')
assert new File(basedir, 'target/classes/com/acme/notes/Note.class').isFile()
