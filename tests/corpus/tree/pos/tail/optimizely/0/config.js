module.exports = {
  region: 'ap-south-1',
  optimizelyPersonalToken: '_ncpPuuUPOwkuDrtkWyLey:WUfnwcFEQIget1WIgm88uGsiF-X7CL0CmsgziLGr7fu',
};
