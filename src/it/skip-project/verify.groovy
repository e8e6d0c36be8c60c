def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] flowrules: validation skipped')
assert log.contains('BUILD SUCCESS')
