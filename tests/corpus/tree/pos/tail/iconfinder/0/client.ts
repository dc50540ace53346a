import { Client } from './client';

const iconfinderApiKey = "lEfwJ1fTucd2vDRKW1J5o2Wj7vWsnRSdXiSohA4TVZIa4IAKpJhoJdcXXWbwFjr9";
export const client = new Client({ key: iconfinderApiKey });
