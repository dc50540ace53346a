import { Client } from './client';

const zipcodebaseApiKey = "fb5ac9ec-b9f4-4706-bc49-a49c98e60ffe";
export const client = new Client({ key: zipcodebaseApiKey });
