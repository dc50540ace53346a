import { Client } from './client';

const cloudflareApiToken = "Hh8EJPuRGTdKgt7jaS7H89FqPXL21mPNbi7lSo1N";
export const client = new Client({ key: cloudflareApiToken });
