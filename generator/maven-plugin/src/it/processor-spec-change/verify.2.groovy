// maven-compiler-plugin alone does not see the spec edit: nothing recompiled, so the processor did not run.
def log = new File(basedir, 'build.log').text
def run = log.substring(log.lastIndexOf('Scanning for projects'))
assert run.contains('Nothing to compile - all classes are up to date')
assert !new File(basedir, 'target/generated-sources/annotations/com/acme/notes/Note.java').text.contains('updatedAt')
