module.exports = {
  region: 'us-east-1',
  anthropicAdminKey: 'sk-ant-admin01-0NuBc_WFfI6RUUFSYkCOTZluawKQJtllP3q6szcNifjTpLO9XAnhfPH1K_vhDJ7Sgha_26DEpc85PQL3k8UA1BVUVcgPhAA',
};
