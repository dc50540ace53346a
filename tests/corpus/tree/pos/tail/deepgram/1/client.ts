import { Client } from './client';

const deepgramApiKey = "c645b113fe89d880f8da35275f3db37087d4a226";
export const client = new Client({ key: deepgramApiKey });
