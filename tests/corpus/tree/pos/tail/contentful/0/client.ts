import { Client } from './client';

const contentfulManagementToken = "CFPAT-4CHSQlluZTATDMuxCU0M9iCFnOLhLZym8PQL2WozyWj";
export const client = new Client({ key: contentfulManagementToken });
