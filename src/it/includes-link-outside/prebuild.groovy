// Links are made here, not committed: a rule file and a directory reached through links leading out of rules/.
import java.nio.file.Files
import java.nio.file.Path
def rules = basedir.toPath().resolve('rules')
[['app.rules.yaml', '../outside/app.rules.yaml'], ['shared', '../outside']].each { link, target ->
    Files.deleteIfExists(rules.resolve(link)) // a second run without mvn clean finds them already made
    Files.createSymbolicLink(rules.resolve(link), Path.of(target))
}
return true
