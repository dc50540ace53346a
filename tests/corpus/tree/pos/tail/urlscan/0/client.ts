import { Client } from './client';

const urlscanApiKey = "e42a29ce-b407-421f-a849-186843d065a2";
export const client = new Client({ key: urlscanApiKey });
