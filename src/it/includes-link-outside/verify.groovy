// With includes, the goal's walk refuses what links bring from outside the rules directory (FR016), as the
// loader does without includes, and never reads it.
def log = new File(basedir, 'build.log').text
def rules = new File(basedir, 'rules').toPath().toAbsolutePath().normalize()
assert log.contains("[ERROR] ${rules}/app.rules.yaml:1:1: error: the file is a link to a place outside ")
assert log.contains("[ERROR] ${rules}/shared:1:1: error: the directory is a link to a place outside ")
assert log.contains('[FR016]')
assert log.contains('flowrules: 2 errors, 0 warnings in 2 files')
assert !log.contains('hunter2')
assert log.contains('BUILD FAILURE')
