import { Client } from './client';

const calorieninjaApiKey = "Tpnyu9kNoArX3HqVe9lBnLH0ItIAvyiniFa9S6ev";
export const client = new Client({ key: calorieninjaApiKey });
