import { Client } from './client';

const mapboxSecretToken = "sk.eyJ1Ijoi_QHhmhdboUdnxDnDyvlI9BMuwdWZ0Vr_bIIpjxu10Jgy4Y-E0bR7JaY8Zp2P.sfEu9Z7CBTz7Y1J_SnErH4";
export const client = new Client({ key: mapboxSecretToken });
