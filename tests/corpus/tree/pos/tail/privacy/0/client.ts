import { Client } from './client';

const privacyApiKey = "08b623fa-077c-48b9-b0bb-92ee43bb738e";
export const client = new Client({ key: privacyApiKey });
