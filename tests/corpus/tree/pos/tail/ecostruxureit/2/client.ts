import { Client } from './client';

const ecostruxureitApiKey = "AK1JwIZfm5hag63HZgYwbpQymJ6qVkPKP8SMrN83iG4i6GJBcE";
export const client = new Client({ key: ecostruxureitApiKey });
