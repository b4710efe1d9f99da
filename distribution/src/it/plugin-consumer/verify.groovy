// Every crmgen artifact the build used came from the staging repository (the resolver notes each file's source in
// _remote.repositories), and the test against the sandbox ran.
def repo = new File(basedir, '../../consumer-repo/dev/crmgen').canonicalFile
def expected = ['crmgen-bom', 'crmgen-parent', 'crmgen-runtime', 'crmgen-sandbox', 'crmgen-spec', 'crmgen-maven-plugin']
expected.each { a -> assert new File(repo, a).isDirectory() : "${a} was not resolved" }
repo.eachFileRecurse { f ->
    if (f.name == '_remote.repositories') {
        f.readLines().findAll { it.contains('>') }.each { line ->
            assert line.endsWith('>staging=') : "${f.parentFile}: ${line}"
        }
    }
}
assert new File(basedir, 'target/generated-sources/crmgen/com/acme/crm/notes/NotesClient.java').isFile()
assert new File(basedir, 'build.log').text.contains('Tests run: 1, Failures: 0, Errors: 0')

// Each published jar was staged with the sources and javadoc jars Maven Central requires.
def staging = new File(basedir, '../../../../target/staging/dev/crmgen').canonicalFile
['crmgen-runtime', 'crmgen-micrometer', 'crmgen-ratelimit-redis', 'crmgen-spec', 'crmgen-generator',
        'crmgen-processor', 'crmgen-maven-plugin', 'crmgen-sandbox'].each { a ->
    def names = new File(staging, a).listFiles().findAll { it.isDirectory() }.collectMany { it.list() as List }
    ['.jar', '-sources.jar', '-javadoc.jar', '.pom'].each { suffix ->
        assert names.any { it.endsWith(suffix) } : "${a}: no *${suffix} staged in ${names}"
    }
}
true
