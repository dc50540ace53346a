  ['published test vector', '$1$saltstri$YMyguxXMBpd2TEZ.vS/3q1'],
