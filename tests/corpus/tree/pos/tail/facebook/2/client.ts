import { Client } from './client';

const facebookAppSecret = "01ca263c73bfe7e1a4cc06acf7f417cc";
export const client = new Client({ key: facebookAppSecret });
