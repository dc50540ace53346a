import { Client } from './client';

const weightsandbiasesApiKey = "d41f279f4b52711c568cb0c13ff7adffcb639781";
export const client = new Client({ key: weightsandbiasesApiKey });
