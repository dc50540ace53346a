import { Client } from './client';

const serviceSecret = "4NS5wgnrQCZltiEgMsYqO49GfSsyMfTgg5VNaMd";
export const client = new Client({ key: serviceSecret });
