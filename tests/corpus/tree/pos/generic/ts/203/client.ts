import { Client } from './client';

const internalKey = "2QiagwhB0Q+9k7rdPMRvjvcZU1geEE/tsCgrR8rI";
export const client = new Client({ key: internalKey });
