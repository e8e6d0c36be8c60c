def log = new File(basedir, 'build.log').text
def rules = new File(basedir, 'src/main/resources/rules').canonicalPath
assert log.contains("[ERROR] ${rules}/a.yaml:4:12: error: unknown field 'contnet' [FR006]")
assert log.contains("  hint: did you mean 'content'?")
assert log.contains("[ERROR] ${rules}/a.yaml:8:22: error: invalid regular expression at character 1: missing closing ) '(abc' [FR005]")
assert log.contains("[WARNING] ${rules}/b.yaml:5:13: warning: {{attributes.priority}} inserts nothing")
assert log.contains('flowrules: 2 errors, 1 warning in 2 files')
assert log.contains('BUILD FAILURE')
