import { Client } from './client';

const iexcloudPublishableToken = "pk_330fb02e6a96a5ac3217d2c278027e70";
export const client = new Client({ key: iexcloudPublishableToken });
