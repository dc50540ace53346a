import { Client } from './client';

const apiSecret = "a5707d1d8455e0b3a48795579e8f1d8434b9c1c33a943a51817cb09fbb7f8c41";
export const client = new Client({ key: apiSecret });
