import { Client } from './client';

const elasticApiKey = "BEC5g8FFusCPKefDOv/0uRbBZ3EZyRgPn9lFJcde7HEKsXX/qbHRTAfvg50l==";
export const client = new Client({ key: elasticApiKey });
