import { Client } from './client';

const serviceToken = "8e42845df5ed60a554ffdcda4c477b29cd2c24b4";
export const client = new Client({ key: serviceToken });
