import { Client } from './client';

const webscraperApiToken = "s9q3L12lf7Glb0BzWdCeVE5ljU8BE7dzQMSfRbRe52XO07ugCdyRQXnKW27a";
export const client = new Client({ key: webscraperApiToken });
