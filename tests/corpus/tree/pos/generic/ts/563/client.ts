import { Client } from './client';

const upstreamKey = "lAI@&N3Qy@#=65Wf:&UQ71?e";
export const client = new Client({ key: upstreamKey });
