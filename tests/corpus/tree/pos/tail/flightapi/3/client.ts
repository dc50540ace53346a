import { Client } from './client';

const flightapiApiKey = "0edb801f3e25b27d9379bfe7";
export const client = new Client({ key: flightapiApiKey });
