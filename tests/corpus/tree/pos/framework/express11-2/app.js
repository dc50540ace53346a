app.use(session({
  secret: 'oDSQmneTlVxhKQGy0XHkXbQBpyPxxcqY',
  resave: false,
}));
