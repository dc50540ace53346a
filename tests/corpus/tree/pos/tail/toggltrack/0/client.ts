import { Client } from './client';

const toggltrackApiToken = "eb024b9ee5b0e40da99d33848c533041";
export const client = new Client({ key: toggltrackApiToken });
