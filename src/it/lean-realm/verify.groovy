// Running the goal, rule tests included, loads no class of the SDK's HTTP machinery, its client, its credentials
// or regions, nor Lambda's runtime interface (docs/install.md).
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /\[INFO\] flowrules: \d+ rule\(s\) in \d+ file\(s\) are valid/

def lines = log.readLines()
def start = lines.findIndexOf { it.contains('Populating class realm plugin>dev.flowrules:chime-flow-rules') }
assert start >= 0 : 'no realm listing in build.log: is invoker.debug on?'
def realm = lines.drop(start + 1).takeWhile { it.startsWith('[DEBUG]   Included: ') }
        .collect { it.substring('[DEBUG]   Included: '.length()) }
println "plugin realm (${realm.size()} jars): ${realm}"
assert realm.any { it.startsWith('dev.flowrules:chime-flow-rules:') }
assert realm.any { it.startsWith('software.amazon.awssdk:chimesdkmessaging:') } // the request model
// Maven puts a plugin's direct dependencies in its realm even when they are optional (measured with Maven
// 3.8.7): url-connection-client, aws-lambda-java-core and slf4j-nop are listed there but never loaded, below.

def loaded = new File(basedir, 'class-load.log').readLines()
// not vacuous: the goal and the rule tests ran in this JVM
assert loaded.any { it.contains(' dev.flowrules.maven.ValidateMojo ') }
assert loaded.any { it.contains(' dev.flowrules.ruletest.RuleTests ') }
def forbidden = ~/ (software\.amazon\.awssdk\.(http|auth|regions|core\.internal\.http|core\.client|awscore\.client)\.|software\.amazon\.awssdk\.services\.chimesdkmessaging\.[A-Z]|com\.amazonaws\.services\.lambda\.)/
def hits = loaded.findAll { it =~ forbidden }
assert hits.isEmpty() : "the goal loaded HTTP or client classes:\n${hits.take(20).join('\n')}"
// Stronger, and true today (docs/install.md says so): rule tests compare decisions and build no request.
def sdk = loaded.findAll { it.contains(' software.amazon.') }
assert sdk.isEmpty() : "the goal loaded SDK classes:\n${sdk.take(20).join('\n')}"

// The shaded jar, the CLI and the Lambda package, still carries the optional artifacts.
def jar = new java.util.zip.ZipFile(new File(basedir, '../../flowrules.jar'))
try {
    ['software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class',
     'com/amazonaws/services/lambda/runtime/RequestStreamHandler.class',
     'org/slf4j/impl/StaticLoggerBinder.class',
     'dev/flowrules/lambda/ChannelFlowHandler.class'].each { entry ->
        assert jar.getEntry(entry) != null : "target/flowrules.jar lacks ${entry}"
    }
    // docs/architecture.md: a class-path jar for java -jar, so every module-info.class is dropped.
    // (at the top, under META-INF/versions/N/ or anywhere else)
    def moduleInfos = jar.entries().toList()*.name.findAll { it == 'module-info.class' || it.endsWith('/module-info.class') }
    assert moduleInfos.isEmpty() : "target/flowrules.jar holds ${moduleInfos}"
} finally {
    jar.close()
}
true
