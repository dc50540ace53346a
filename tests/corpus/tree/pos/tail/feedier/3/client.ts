import { Client } from './client';

const feedierApiKey = "rhaqCfqaesHTrNgGcMiuq3YhT5XMqtlXwsUGq8jN";
export const client = new Client({ key: feedierApiKey });
