import { Client } from './client';

const tatumioApiKey = "t-e9afb4340bf1dc6471f7e71b-c260b8a45766086e5f693d3a69bd1c31";
export const client = new Client({ key: tatumioApiKey });
