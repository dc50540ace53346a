import { Client } from './client';

const pdflayerAccessKey = "6d914c2caf0d0a6e0957de7ef50499be";
export const client = new Client({ key: pdflayerAccessKey });
