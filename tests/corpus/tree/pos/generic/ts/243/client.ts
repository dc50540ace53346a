import { Client } from './client';

const partnerPassword = "o.ye5q=wT.Np.Y=O@G0xXIpY:";
export const client = new Client({ key: partnerPassword });
