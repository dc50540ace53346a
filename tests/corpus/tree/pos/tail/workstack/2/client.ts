import { Client } from './client';

const workstackApiToken = "sn6REGHLWO0giu5jpJp5mOQZaSHiyFaai4xakJcf8Jmp8sqF4lFgXSA2EZ00";
export const client = new Client({ key: workstackApiToken });
