  ['SHA-1 of abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
