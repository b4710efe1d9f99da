// The consumer's spec file, from the one copy the integration tests share.
def spec = new File(basedir, 'src/main/openapi/notes.yaml')
spec.parentFile.mkdirs()
spec.bytes = new File(itSpecs, 'notes.yaml').bytes
true
