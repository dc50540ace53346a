// the test suite mocks this, production does not
const token = 'xoxb-735800458496-5579584480141-kXjQpekw5MzLCi1vwjbJjSHx';
