import { Client } from './client';

const bitbucketAppPassword = "ATBB0mOF0TMKHgrCnwyztAmacpeSSzK71D528CD2";
export const client = new Client({ key: bitbucketAppPassword });
