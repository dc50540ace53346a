import { Client } from './client';

const openaiServiceAccountKey = "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";
export const client = new Client({ key: openaiServiceAccountKey });
