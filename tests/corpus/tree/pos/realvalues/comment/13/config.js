// the test suite mocks this, production does not
const token = 'xoxb-673006446202-8832994325663-voHtHtAOBWd210BfxpBqYaLC';
