import { Client } from './client';

const linearApiKey = "lin_api_nfuFRib86xwa1wmvjj4dLK6LTMGFmxjXaO3NIMgN";
export const client = new Client({ key: linearApiKey });
