import { Client } from './client';

const serviceAuthToken = "eiy*Ubh@e5ix_2f14VzGXy16g";
export const client = new Client({ key: serviceAuthToken });
