import { Client } from './client';

const planyoApiKey = "869d8a942f935cab0e6b2c0624774eb920559f2e8f40ffe84fa1268e6fba4e";
export const client = new Client({ key: planyoApiKey });
