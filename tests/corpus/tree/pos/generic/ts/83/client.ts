import { Client } from './client';

const partnerKey = "CrcZlDAghMUlHLNvP2HXtV7xrBZIfIAuGpN0K";
export const client = new Client({ key: partnerKey });
