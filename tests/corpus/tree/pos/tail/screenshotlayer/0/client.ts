import { Client } from './client';

const screenshotlayerAccessKey = "ac58279e3b9512728c949301e73d4d00";
export const client = new Client({ key: screenshotlayerAccessKey });
