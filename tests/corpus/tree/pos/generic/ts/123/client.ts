import { Client } from './client';

const partnerPassword = "Km^6~viZL4a8f-oo4aJC~Q2Fu";
export const client = new Client({ key: partnerPassword });
