// A new packageName: generated in the new package; the old package's files and directory are gone.
def log = new File(basedir, 'build.log').text
def run = log.substring(log.lastIndexOf('Scanning for projects'))
assert run.contains("because packageName changed from 'com.acme.notes' to 'com.acme.renamed'")
def root = new File(basedir, 'target/generated-sources/crmgen')
assert !new File(root, 'com/acme/notes').exists()
assert new File(root, 'com/acme/renamed/NotesClient.java').text.startsWith('package com.acme.renamed;') ||
        new File(root, 'com/acme/renamed/NotesClient.java').text.contains('\npackage com.acme.renamed;')
def deleted = (run =~ /deleted (\d+) \(/)
assert deleted.find() && Integer.parseInt(deleted.group(1)) > 2
