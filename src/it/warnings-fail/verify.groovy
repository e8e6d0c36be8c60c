def log = new File(basedir, 'build.log').text
assert log.contains("warning: rule 'never' can never run: rule 'block-all'")
assert log.contains('flowrules: 0 errors, 1 warning in 1 file')
assert log.contains('BUILD FAILURE')
