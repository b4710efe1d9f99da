// Second build, nothing changed: generation skipped, one info line saying why.
def log = new File(basedir, 'build.log').text
def run = log.substring(log.lastIndexOf('Scanning for projects'))
def line = run.readLines().find { it.contains('] crmgen: ') }
assert line =~ /\[INFO\] crmgen: generation skipped, sources up to date: spec \(1 input\), configuration and generator \S+ unchanged, \d+ generated files in target.generated-sources.crmgen intact \(checked in \d+ ms\)/
assert !run.contains('crmgen: generated ')
