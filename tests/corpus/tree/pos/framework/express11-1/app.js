app.use(session({
  secret: 'rkVokc1ctCe4nuEsQ4w6bEscT2E1j1KT',
  resave: false,
}));
