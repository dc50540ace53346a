import { Client } from './client';

const partnerKey = "5gVCzQPGMkYqAXJJ3wGLDM6ih7vpCwky";
export const client = new Client({ key: partnerKey });
