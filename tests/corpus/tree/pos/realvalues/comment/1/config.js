// the test suite mocks this, production does not
const token = 'xoxb-959455441004-2354297249737-xjlbCnKcGvxdqbre1VueqrPj';
