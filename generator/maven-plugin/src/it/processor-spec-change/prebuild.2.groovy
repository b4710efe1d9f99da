// A person edits the spec: Note gains a property.
new File(basedir, 'src/main/openapi/notes.yaml') << '        updatedAt:\n          type: string\n          format: date-time\n'
// Coarse file-system clocks must still see the spec as newer than the classes.
Thread.sleep(1100)
