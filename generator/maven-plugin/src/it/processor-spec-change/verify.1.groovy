// The processor and the Maven goal produce byte-identical files from the same spec and options.
def byProcessor = new File(basedir, 'target/generated-sources/annotations/com/acme/notes')
def byGoal = new File(basedir, 'target/generated-sources/crmgen-goal/com/acme/notes')
def names = { File dir -> dir.listFiles().collect { it.name }.sort() }
assert new File(byProcessor, 'NotesClient.java').isFile()
assert names(byProcessor) == names(byGoal)
names(byProcessor).each { name ->
    assert new File(byProcessor, name).bytes == new File(byGoal, name).bytes : "${name} differs between processor and goal"
}
assert new File(basedir, 'target/classes/com/acme/notes/NotesClient.class').isFile()
