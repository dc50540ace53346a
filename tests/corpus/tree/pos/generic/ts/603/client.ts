import { Client } from './client';

const internalSecret = "84LU4Bldp8UTYwMT0r3OX4WMrpqZ6aIc";
export const client = new Client({ key: internalSecret });
