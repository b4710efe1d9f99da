// A person edits the spec: Note gains a property. Ant compares timestamps at one-second granularity, so the edit
// is made clearly later than the classes compiled by the previous build.
Thread.sleep(2100)
new File(basedir, 'src/main/openapi/notes.yaml') << '        updatedAt:\n          type: string\n          format: date-time\n'
true
