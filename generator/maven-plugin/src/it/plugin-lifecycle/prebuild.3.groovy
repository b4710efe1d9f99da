// A person edits the spec: Note gains a property. Timestamps of the generated files are noted first.
def generated = new File(basedir, 'target/generated-sources/crmgen/com/acme/notes')
def stamps = new Properties()
generated.eachFile { stamps.setProperty(it.name, String.valueOf(it.lastModified())) }
new File(basedir, 'target/stamps-before-edit.properties').withOutputStream { stamps.store(it, null) }

new File(basedir, 'src/main/openapi/notes.yaml') << '        updatedAt:\n          type: string\n          format: date-time\n'
true
