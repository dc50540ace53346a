import { Client } from './client';

const airbrakeProjectKey = "5af36038bd8b747d2ce23685cfc3a9b7";
export const client = new Client({ key: airbrakeProjectKey });
