// The build fails naming each problem with its file, JSON pointer and fix, and without a stack trace.
def log = new File(basedir, 'build.log').text
assert log.contains('crmgen: ') && log.contains('broken.yaml has 2 errors; nothing was generated')
assert log =~ /\[Crmgen\w+\] broken\.yaml#\/components\/schemas\/BatchInputNote\S*: .*NoteInputt/
assert log =~ /\[Crmgen\w+\] broken\.yaml#\/components\/schemas\/BatchResponseNote\S*: .*Nnote/
assert !(log =~ /\tat [a-z]+\.[\w.$]+\(/) : 'no stack trace expected'
assert !new File(basedir, 'target/generated-sources/crmgen/com').exists()
