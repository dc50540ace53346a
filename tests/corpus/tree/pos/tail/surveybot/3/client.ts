import { Client } from './client';

const surveybotApiKey = "ODJuYq9d6bn4KJPVGLkrpbADin2EJiJkOL8mRNF7";
export const client = new Client({ key: surveybotApiKey });
