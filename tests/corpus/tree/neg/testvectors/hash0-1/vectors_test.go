	{name: "published test vector", hex: "$1$saltstri$YMyguxXMBpd2TEZ.vS/3q1"},
