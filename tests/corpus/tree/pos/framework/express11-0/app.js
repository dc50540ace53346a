app.use(session({
  secret: 'P5BKaGEI46R71KvFCSBM4rG0skCLld6I',
  resave: false,
}));
