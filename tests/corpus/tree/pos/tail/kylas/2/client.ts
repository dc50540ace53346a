import { Client } from './client';

const kylasApiKey = "cc47c738-1a87-4b0f-a696-19b60df33ffa:7999";
export const client = new Client({ key: kylasApiKey });
