import { Client } from './client';

const securitytrailsApiKey = "exkWLbSMLi4rBwUyKLGcEUbDxDR2vkt2";
export const client = new Client({ key: securitytrailsApiKey });
