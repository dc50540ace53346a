import { Client } from './client';

const walkscoreWsapikey = "2cc4adefd306a038b36c298475698bd4";
export const client = new Client({ key: walkscoreWsapikey });
