import { Client } from './client';

const serviceToken = "N4QgbhBzCb8g8-qblAPvdLVTSCkd0MvaW6SItHzqfdZ";
export const client = new Client({ key: serviceToken });
