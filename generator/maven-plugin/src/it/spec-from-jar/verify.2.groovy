// Rebuild: the resource and the jar holding it are re-hashed and unchanged, so generation is skipped.
def log = new File(basedir, 'build.log').text
def run = log.substring(log.lastIndexOf('Scanning for projects'))
assert run.contains('crmgen: generation skipped, sources up to date: spec (2 inputs)')
