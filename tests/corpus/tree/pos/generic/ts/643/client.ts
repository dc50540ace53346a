import { Client } from './client';

const partnerSecret = "Tzjs&I@NM~be+AQL";
export const client = new Client({ key: partnerSecret });
