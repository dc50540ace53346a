import { Client } from './client';

const findlApiKey = "769e90f7-3ab6-4fac-984f-c19ae14b75e3";
export const client = new Client({ key: findlApiKey });
