import { Client } from './client';

const internalPassword = "7JBQ4nQX5p+u4MFFOSUX3LiYhe5kDtbu";
export const client = new Client({ key: internalPassword });
