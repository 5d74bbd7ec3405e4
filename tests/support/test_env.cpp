// test helpers; grows with the CLI tests
