def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] flowrules: 1 rule(s) in 1 file(s) are valid')
assert !log.contains('ignored.yaml')
assert log.contains('BUILD SUCCESS')
