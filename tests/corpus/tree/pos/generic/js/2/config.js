module.exports = {
  region: 'ap-south-1',
  backendaccesstoken: '~qs*jtWBx#P4Srk6=zFSOwmO',
};
